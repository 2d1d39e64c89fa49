package io.sdxlbatch.images;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class PngFileTest {

    private static final String JAPANESE = "富士山の夕焼け、浮世絵風";

    private static byte[] realPng() throws IOException {
        BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 24; x++) {
                image.setRGB(x, y, (x * 10) << 16 | (y * 15) << 8 | (x + y) * 5);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, "png", out)).isTrue();
        return out.toByteArray();
    }

    private record Chunk(String type, int offset, int length) {
    }

    private static List<Chunk> chunks(byte[] png) {
        List<Chunk> chunks = new ArrayList<>();
        ByteBuffer buf = ByteBuffer.wrap(png);
        int at = 8;
        while (at + 12 <= png.length) {
            int length = buf.getInt(at);
            chunks.add(new Chunk(new String(png, at + 4, 4, StandardCharsets.US_ASCII), at, length));
            at += 12 + length;
        }
        return chunks;
    }

    private static byte[] chunkData(byte[] png, Chunk chunk) {
        return Arrays.copyOfRange(png, chunk.offset() + 8, chunk.offset() + 8 + chunk.length());
    }

    private static int[] pixels(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** keyword -> text from ImageIO's own javax_imageio_png_1.0 metadata tree (tEXt and iTXt entries). */
    private static List<String> imageIoTexts(byte[] png) throws IOException {
        List<String> texts = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            reader.setInput(in);
            Node root = reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            collect(root, texts);
            reader.dispose();
        }
        return texts;
    }

    private static void collect(Node node, List<String> texts) {
        if (node instanceof Element e && e.getNodeName().equals("tEXtEntry")) {
            texts.add("tEXt " + e.getAttribute("keyword") + "=" + e.getAttribute("value"));
        }
        if (node instanceof Element e && e.getNodeName().equals("iTXtEntry")) {
            texts.add("iTXt " + e.getAttribute("keyword") + "=" + e.getAttribute("text"));
        }
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            collect(children.item(i), texts);
        }
    }

    @Test
    void givenPngWrittenByImageIo_whenChecked_thenThereIsNoProblem() throws IOException {
        byte[] png = realPng();

        assertThat(PngFile.problem(png)).isNull();
    }

    @Test
    void givenJpegOrHtmlBytes_whenChecked_thenBadSignatureIsReported() throws IOException {
        byte[] html = "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.US_ASCII);
        byte[] png = realPng();
        png[1] = 'X';

        assertThat(PngFile.problem(html)).contains("bad signature");
        assertThat(PngFile.problem(png)).contains("bad signature");
        assertThat(PngFile.problem(new byte[0])).contains("bad signature");
    }

    @Test
    void givenPngCutInTheMiddle_whenChecked_thenTruncationIsReported() throws IOException {
        byte[] png = realPng();
        Chunk idat = chunks(png).stream().filter(c -> c.type().equals("IDAT")).findFirst().orElseThrow();

        byte[] cut = Arrays.copyOf(png, idat.offset() + 8 + idat.length() / 2);

        assertThat(PngFile.problem(cut)).contains("truncated");
    }

    @Test
    void givenOneFlippedByteInsideIdat_whenChecked_thenCrcMismatchIsReportedForIdat() throws IOException {
        byte[] png = realPng();
        Chunk idat = chunks(png).stream().filter(c -> c.type().equals("IDAT")).findFirst().orElseThrow();
        png[idat.offset() + 8 + idat.length() / 2] ^= 0x01;

        assertThat(PngFile.problem(png)).contains("CRC").contains("IDAT");
    }

    @Test
    void givenPngWithoutIend_whenChecked_thenItIsIncomplete() throws IOException {
        byte[] png = realPng();
        Chunk iend = chunks(png).get(chunks(png).size() - 1);
        assertThat(iend.type()).isEqualTo("IEND");

        byte[] withoutIend = Arrays.copyOf(png, iend.offset());

        assertThat(PngFile.problem(withoutIend)).contains("IEND");
    }

    @Test
    void givenGarbageAfterIend_whenChecked_thenItIsNotAcceptedAsWhole() throws IOException {
        byte[] png = realPng();
        byte[] longer = Arrays.copyOf(png, png.length + 5);

        assertThat(PngFile.problem(longer)).isNotNull();
    }

    @Test
    void givenLatin1Text_whenAdded_thenPngStaysValidPixelsUnchangedAndTextChunkFollowsIhdr() throws IOException {
        byte[] png = realPng();
        String text = "a café at dusk\nSteps: 25, Sampler: DDIM";

        byte[] tagged = PngFile.withText(png, "parameters", text);

        assertThat(PngFile.problem(tagged)).isNull();
        assertThat(pixels(tagged)).containsExactly(pixels(png));
        List<Chunk> chunks = chunks(tagged);
        assertThat(chunks.get(0).type()).isEqualTo("IHDR");
        assertThat(chunks.get(1).type()).isEqualTo("tEXt");
        assertThat(new String(chunkData(tagged, chunks.get(1)), StandardCharsets.ISO_8859_1))
                .isEqualTo("parameters\0" + text);
        assertThat(imageIoTexts(tagged)).contains("tEXt parameters=" + text);
    }

    @Test
    void givenJapaneseText_whenAdded_thenAnItxtChunkCarriesItAsUtf8() throws IOException {
        byte[] png = realPng();

        byte[] tagged = PngFile.withText(png, "parameters", JAPANESE);

        assertThat(PngFile.problem(tagged)).isNull();
        assertThat(pixels(tagged)).containsExactly(pixels(png));
        List<Chunk> chunks = chunks(tagged);
        assertThat(chunks.get(1).type()).isEqualTo("iTXt");
        assertThat(chunks).noneMatch(c -> c.type().equals("tEXt"));
        assertThat(imageIoTexts(tagged)).contains("iTXt parameters=" + JAPANESE);
    }

    @Test
    void givenAPngFile_whenCopiedWithText_thenTheCopyIsValidAndTheSourceUnchanged(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        java.nio.file.Path source = dir.resolve("in.png");
        java.nio.file.Files.write(source, realPng());
        java.nio.file.Path copy = dir.resolve("out.png");

        AtomicFiles.write(copy, out -> PngFile.copyWithText(source, out, "parameters", "a fox\nSeed: 7"));

        assertThat(PngFile.problem(copy)).isNull();
        assertThat(java.nio.file.Files.readAllBytes(copy))
                .isEqualTo(PngFile.withText(java.nio.file.Files.readAllBytes(source), "parameters", "a fox\nSeed: 7"));
        assertThat(PngFile.problem(source)).isNull();
    }
}
