package org.voiceai.service.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Text of a DOCX (POI) in reading order: paragraphs, and tables with each row written as "header: value" pairs so a
 * row still makes sense alone in a chunk. DOCX has no fixed pages, so blocks carry none.
 * <p>
 * A DOCX is a ZIP, so a small upload can unpack to gigabytes. Before POI parses anything we inflate every entry once,
 * counting bytes, and stop past {@code maxUnpacked}; POI's own guard (a minimum compression ratio) is a second line.
 */
final class DocxExtractor {

	static final String ZIP_BOMB = "DOCX too large when unpacked (zip bomb?)";

	private final long maxUnpacked;

	DocxExtractor(long maxUnpacked) {
		this.maxUnpacked = maxUnpacked;
	}

	ParsedDocument extract(Path file) {
		checkUnpackedSize(file);
		try (OPCPackage zip = OPCPackage.open(file.toFile(), PackageAccess.READ);
				XWPFDocument docx = new XWPFDocument(zip)) {
			List<TextBlock> blocks = new ArrayList<>();
			for (IBodyElement element : docx.getBodyElements()) {
				String text = (element instanceof XWPFTable table) ? table(table)
						: (element instanceof XWPFParagraph paragraph) ? paragraph.getText() : "";
				if (!text.isBlank()) {
					blocks.add(new TextBlock(text.strip(), null));
				}
			}
			if (blocks.isEmpty()) {
				throw new IngestionFailure("no extractable text: the DOCX holds no paragraphs or tables with text");
			}
			return new ParsedDocument(blocks, 0);
		}
		catch (InvalidFormatException | POIXMLException | IOException ex) {
			if (String.valueOf(ex.getMessage()).contains("Zip bomb")) {
				throw new IngestionFailure(ZIP_BOMB, ex);
			}
			throw new IngestionFailure("unreadable DOCX: " + ex.getMessage(), ex);
		}
	}

	private void checkUnpackedSize(Path file) {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (ZipFile zip = new ZipFile(file.toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				try (InputStream in = zip.getInputStream(entries.nextElement())) {
					for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
						total += read;
						if (total > this.maxUnpacked) {
							throw new IngestionFailure(ZIP_BOMB + ": more than " + this.maxUnpacked / (1024 * 1024)
									+ " MB of XML inside");
						}
					}
				}
			}
		}
		catch (ZipException ex) {
			throw new IngestionFailure("unreadable DOCX: broken ZIP (" + ex.getMessage() + ")", ex);
		}
		catch (IOException ex) {
			throw new IngestionFailure("unreadable DOCX: " + ex.getMessage(), ex);
		}
	}

	/** One line per row; with a header row, each cell is prefixed with its column's header. */
	private static String table(XWPFTable table) {
		List<XWPFTableRow> rows = table.getRows();
		if (rows.isEmpty()) {
			return "";
		}
		List<String> headers = cells(rows.get(0));
		StringBuilder text = new StringBuilder(String.join(" | ", headers));
		for (XWPFTableRow row : rows.subList(1, rows.size())) {
			List<String> cells = cells(row);
			List<String> pairs = new ArrayList<>();
			for (int i = 0; i < cells.size(); i++) {
				String header = (i < headers.size()) ? headers.get(i) : "";
				pairs.add(header.isBlank() ? cells.get(i) : header + ": " + cells.get(i));
			}
			text.append('\n').append(String.join(" | ", pairs));
		}
		return text.toString();
	}

	private static List<String> cells(XWPFTableRow row) {
		return row.getTableCells().stream().map(XWPFTableCell::getText).map(String::strip).toList();
	}

}
