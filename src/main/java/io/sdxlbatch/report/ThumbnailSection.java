package io.sdxlbatch.report;

import java.util.List;

/** A grid of the run's images as embedded thumbnails, each linking to the full image. Stateless. */
final class ThumbnailSection {

    private ThumbnailSection() {
    }

    static String render(List<Thumbnail> thumbnails, int imagesTotal) {
        StringBuilder out = new StringBuilder("<section id=\"thumbnails\" class=\"card\"><h2>Images</h2>");
        if (thumbnails.isEmpty()) {
            return out.append("<p class=\"empty\">").append(imagesTotal == 0 ? "No images were written."
                    : "No thumbnails; all " + Html.count(imagesTotal) + " images are in ../images/.")
                    .append("</p></section>").toString();
        }
        if (thumbnails.size() < imagesTotal) {
            out.append("<p class=\"sub\">showing ").append(Html.count(thumbnails.size())).append(" of ")
                    .append(Html.count(imagesTotal)).append(" images; all are in ../images/</p>");
        }
        out.append("<div class=\"thumbs\">");
        for (Thumbnail t : thumbnails) {
            String id = Html.esc(t.promptId());
            out.append("<figure class=\"thumb\"><a href=\"").append(Html.esc(t.href())).append("\"><img src=\"")
                    .append(Html.esc(t.dataUri())).append("\" alt=\"").append(id).append("\" loading=\"lazy\"></a>")
                    .append("<figcaption title=\"").append(id).append("\"><span class=\"id\">").append(id)
                    .append("</span> <span class=\"line\">line ").append(t.line()).append("</span></figcaption>")
                    .append("</figure>");
        }
        return out.append("</div></section>").toString();
    }
}
