package com.propcloud.pms.asset.importing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sheet's export as the download it is: an .xlsx in the sheet's columns, written as its rows stream
 * from the database inside one read-only transaction, so an export of any length takes little memory.
 * Each sheet's controller supplies the rows (its list's filters, the caller's scope).
 */
@Component
public class SheetExport {

    /** What an export writes below the worksheet's title: its header and rows. */
    @FunctionalInterface
    public interface Rows {
        void writeTo(SpreadsheetWriter writer) throws IOException;
    }

    private final TransactionTemplate readOnly;

    SheetExport(PlatformTransactionManager transactions) {
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Answers the request with the download {@code fileName}, a worksheet titled as the sheet. */
    public void download(HttpServletResponse response, SheetDefinition sheet, String fileName, Rows rows)
            throws IOException {
        OutputStream out = SheetImportController.xlsx(response, fileName);
        try {
            readOnly.executeWithoutResult(tx -> {
                try (SpreadsheetWriter writer = new SpreadsheetWriter(out, sheet.title())) {
                    rows.writeTo(writer);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
