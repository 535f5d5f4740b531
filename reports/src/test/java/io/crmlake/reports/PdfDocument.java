package io.crmlake.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;

/** A rendered PDF as a test reads it with PDFBox: its text, its pages and its fonts. */
record PdfDocument(byte[] bytes, String text, int pages, Set<String> fonts, boolean allFontsEmbedded) {

    static PdfDocument read(byte[] bytes) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            Set<String> fonts = new LinkedHashSet<>();
            boolean embedded = true;
            for (PDPage page : doc.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    fonts.add(font.getName());
                    embedded &= font instanceof PDType0Font t0 ? t0.getDescendantFont().isEmbedded() : font.isEmbedded();
                }
            }
            String text = new PDFTextStripper().getText(doc);
            return new PdfDocument(bytes, text, doc.getNumberOfPages(), fonts, embedded);
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable PDF", e);
        }
    }

    /** Text with all whitespace removed: PDF text extraction splits and joins lines freely. */
    String compactText() {
        return text.replaceAll("\\s+", "");
    }

    /** Keeps the PDF under reports/target/report-samples for a person to look at (pdftoppm). */
    PdfDocument saveAs(String fileName) {
        try {
            Path dir = Path.of("target", "report-samples");
            Files.createDirectories(dir);
            Files.write(dir.resolve(fileName), bytes);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
