package dev.diffo.admin.support;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Saves what a screen shows to target/screenshots/NAME.png, for a person to look at. */
public final class Snapshots {
    private Snapshots() {
    }

    public static Path save(Node node, String name) {
        AtomicReference<WritableImage> image = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> image.set(node.getScene().getRoot().snapshot(null, null)));
        WritableImage fx = image.get();
        int width = (int) fx.getWidth();
        int height = (int) fx.getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = fx.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(png, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
