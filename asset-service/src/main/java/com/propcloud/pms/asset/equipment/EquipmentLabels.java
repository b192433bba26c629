package com.propcloud.pms.asset.equipment;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.jspecify.annotations.Nullable;

/**
 * Printable QR labels: one PNG per item, or an A4 sheet of 3 × 8 labels per page. The QR code holds the
 * item's code, which {@code GET /api/v1/equipment/by-code/{code}} resolves.
 *
 * <p>The PDF uses the standard Helvetica font, since no CJK font ships with our runtime and embedding
 * one would add megabytes per sheet: a name it cannot print (Chinese) is left out and the label shows
 * the serial number and the code, which are Latin. The PNG draws the name where the JVM's font can.
 */
final class EquipmentLabels {

    static final int COLUMNS = 3;
    static final int ROWS = 8;
    static final int PER_PAGE = COLUMNS * ROWS;

    private static final int PNG_QR_SIZE = 300;
    private static final float MARGIN = 18f;

    /** What a label shows. */
    record Label(String code, String name, @Nullable String serialNumber) {

        static Label of(Equipment item) {
            return new Label(
                    item.qrCode(), item.details().name(), item.details().serialNumber());
        }
    }

    private EquipmentLabels() {}

    static byte[] png(Label label) {
        BufferedImage qr = MatrixToImageWriter.toBufferedImage(matrix(label.code(), PNG_QR_SIZE));
        List<String> lines = new ArrayList<>();
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
        if (font.canDisplayUpTo(label.name()) == -1) {
            lines.add(label.name());
        }
        lines.add(label.serialNumber() == null ? label.code() : "S/N " + label.serialNumber());
        if (label.serialNumber() != null) {
            lines.add(label.code());
        }
        int lineHeight = 22;
        BufferedImage image = new BufferedImage(
                PNG_QR_SIZE, PNG_QR_SIZE + lines.size() * lineHeight + 10, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.drawImage(qr, 0, 0, null);
            g.setColor(Color.BLACK);
            g.setFont(font);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            FontMetrics metrics = g.getFontMetrics();
            int y = PNG_QR_SIZE + lineHeight - 4;
            for (String line : lines) {
                String fitted = fit(line, s -> metrics.stringWidth(s) <= PNG_QR_SIZE - 10);
                g.drawString(fitted, (PNG_QR_SIZE - metrics.stringWidth(fitted)) / 2, y);
                y += lineHeight;
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A sheet of labels, {@link #PER_PAGE} to a page; at least one (empty) page. */
    static byte[] pdf(List<Label> labels) {
        try (PDDocument document = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDRectangle a4 = PDRectangle.A4;
            float cellWidth = (a4.getWidth() - 2 * MARGIN) / COLUMNS;
            float cellHeight = (a4.getHeight() - 2 * MARGIN) / ROWS;
            float qrSize = cellHeight - 10;
            int pages = Math.max(1, (labels.size() + PER_PAGE - 1) / PER_PAGE);
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage(a4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    List<Label> onPage = labels.subList(
                            Math.min(labels.size(), p * PER_PAGE), Math.min(labels.size(), (p + 1) * PER_PAGE));
                    for (int i = 0; i < onPage.size(); i++) {
                        Label label = onPage.get(i);
                        float x = MARGIN + (i % COLUMNS) * cellWidth;
                        // PDF's origin is the bottom left; labels fill rows from the top
                        float y = a4.getHeight() - MARGIN - (i / COLUMNS + 1) * cellHeight;
                        PDImageXObject qr = LosslessFactory.createFromImage(
                                document, MatrixToImageWriter.toBufferedImage(matrix(label.code(), 200)));
                        content.drawImage(qr, x + 5, y + 5, qrSize, qrSize);
                        float textX = x + qrSize + 10;
                        float textWidth = cellWidth - qrSize - 15;
                        float textY = y + cellHeight - 22;
                        for (String line : pdfLines(label, font)) {
                            String fitted = fit(line, s -> width(font, 7, s) <= textWidth);
                            content.beginText();
                            content.setFont(font, 7);
                            content.newLineAtOffset(textX, textY);
                            content.showText(fitted);
                            content.endText();
                            textY -= 10;
                        }
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Name where Helvetica can print it, then serial and code, which are Latin. */
    private static List<String> pdfLines(Label label, PDType1Font font) {
        List<String> lines = new ArrayList<>();
        if (printable(font, label.name())) {
            lines.add(label.name());
        }
        if (label.serialNumber() != null && printable(font, label.serialNumber())) {
            lines.add("S/N " + label.serialNumber());
        }
        lines.add(label.code());
        return lines;
    }

    private static boolean printable(PDType1Font font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static float width(PDType1Font font, float size, String text) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cuts a line with an ellipsis until it fits. */
    private static String fit(String text, java.util.function.Predicate<String> fits) {
        String fitted = text;
        while (!fits.test(fitted) && fitted.length() > 1) {
            fitted = fitted.substring(0, fitted.length() - 2) + "…";
        }
        return fitted;
    }

    private static BitMatrix matrix(String content, int size) {
        try {
            return new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            size,
                            size,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode the label's code", e);
        }
    }
}
