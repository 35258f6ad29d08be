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

    /**
     * The window of {@code node} with the popups it owns drawn over it where they show (a notification, say): what a
     * person sees, as one picture.
     */
    public static Path saveWithPopups(Node node, String name) {
        AtomicReference<BufferedImage> picture = new AtomicReference<>();
        WaitForAsyncUtils.waitForAsyncFx(10_000, () -> {
            javafx.stage.Window window = node.getScene().getWindow();
            BufferedImage base = toImage(node.getScene().getRoot().snapshot(null, null));
            java.awt.Graphics2D g = base.createGraphics();
            for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                if (w instanceof javafx.stage.PopupWindow popup && popup.isShowing() && popup.getOwnerWindow() == window && popup.getScene() != null) {
                    javafx.scene.SnapshotParameters transparent = new javafx.scene.SnapshotParameters();
                    transparent.setFill(javafx.scene.paint.Paint.valueOf("transparent"));
                    BufferedImage over = toImage(popup.getScene().getRoot().snapshot(transparent, null));
                    int x = (int) Math.round(popup.getX() - window.getX() - node.getScene().getX());
                    int y = (int) Math.round(popup.getY() - window.getY() - node.getScene().getY());
                    // a popup placed beyond the picture (a headless screen's coordinates) is drawn at its corner instead
                    x = Math.max(0, Math.min(x, base.getWidth() - over.getWidth()));
                    y = Math.max(0, Math.min(y, base.getHeight() - over.getHeight()));
                    g.drawImage(over, x, y, null);
                }
            }
            g.dispose();
            picture.set(base);
        });
        try {
            Path file = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(file.getParent());
            ImageIO.write(picture.get(), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage toImage(WritableImage fx) {
        int width = (int) fx.getWidth();
        int height = (int) fx.getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = fx.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        return png;
    }
}
