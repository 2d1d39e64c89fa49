package io.sdxlbatch.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngPainterTest {

    private final PngPainter painter = new PngPainter();

    @Test
    void paintsADecodablePngOfTheRequestedSize() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(painter.paint("a fox", 1, 200, 120, 0)));
        assertThat(image.getWidth()).isEqualTo(200);
        assertThat(image.getHeight()).isEqualTo(120);
    }

    @Test
    void isDeterministicButDiffersByPromptSeedAndIndex() {
        byte[] base = painter.paint("a fox", 1, 64, 64, 0);
        assertThat(painter.paint("a fox", 1, 64, 64, 0)).isEqualTo(base);
        assertThat(painter.paint("a cat", 1, 64, 64, 0)).isNotEqualTo(base);
        assertThat(painter.paint("a fox", 2, 64, 64, 0)).isNotEqualTo(base);
        assertThat(painter.paint("a fox", 1, 64, 64, 1)).isNotEqualTo(base);
    }

    @Test
    void drawsThePromptAsWhitePixelsOnTheCaptionBand() throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(painter.paint("HI", 3, 96, 96, 0)));
        int white = 0;
        for (int x = 0; x < 96; x++) {
            for (int y = 0; y < 10; y++) {
                white += (image.getRGB(x, y) & 0xFFFFFF) == 0xFFFFFF ? 1 : 0;
            }
        }
        assertThat(white).isPositive();
    }
}
