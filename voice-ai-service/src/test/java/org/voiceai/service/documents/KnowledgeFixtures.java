package org.voiceai.service.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/**
 * Test documents made on the fly with PDFBox and POI: a dental clinic's knowledge base in Brazilian Portuguese and
 * English (a multi-page PDF, a DOCX price list with a table, a TXT and a Markdown FAQ), and the bad inputs an upload
 * page sees (encrypted and image-only PDFs, a DOCX zip bomb, a PNG, an empty file).
 */
public final class KnowledgeFixtures {

	/** Eight pages, one topic each; the facts the questions ask about sit on known pages. */
	public static final List<List<String>> CLINIC_PDF_PAGES = List.of(List.of("Clínica Odontológica Sorriso Feliz",
			"A Clínica Odontológica Sorriso Feliz foi fundada em 1998 pela Dra. Helena Prado, cirurgiã-dentista formada "
					+ "pela Universidade Federal do Paraná. Começamos com um único consultório e hoje contamos com oito "
					+ "consultórios, um centro de radiologia digital e uma equipe de quinze dentistas especialistas.",
			"Nosso endereço é Rua das Acácias, 455, bairro Batel, Curitiba, Paraná, CEP 80420-000. A clínica fica a "
					+ "duas quadras do Shopping Pátio Batel e a cinco minutos a pé da estação-tubo Oscar Freire.",
			"Nossa missão é oferecer um atendimento humano, sem pressa, com explicações claras sobre cada tratamento e "
					+ "orçamento por escrito antes de qualquer procedimento. Todos os pacientes recebem um plano de "
					+ "tratamento detalhado e podem tirar dúvidas pelo WhatsApp da recepção."),
			List.of("Horário de funcionamento",
					"Atendemos de segunda a sexta-feira das 8h às 19h, sem fechar para o almoço. Aos sábados o horário é "
							+ "das 8h às 12h, somente com agendamento prévio. Aos domingos a clínica fica fechada.",
					"Em feriados nacionais não há atendimento eletivo; nesses dias funciona apenas o plantão de "
							+ "emergência descrito na seção de emergências. Na semana entre o Natal e o Ano Novo o "
							+ "horário é reduzido, das 9h às 15h.",
					"A recepção atende o telefone (41) 3322-4455 durante todo o horário de funcionamento. Fora desse "
							+ "horário, deixe uma mensagem e retornaremos no próximo dia útil pela manhã."),
			List.of("Convênios aceitos",
					"Aceitamos os seguintes convênios odontológicos: Unimed Odonto, Amil Dental, Bradesco Dental, "
							+ "SulAmérica Odonto e OdontoPrev. Para usar o convênio, traga a carteirinha e um documento "
							+ "com foto no dia da consulta.",
					"Não aceitamos o convênio Porto Seguro Odonto nem planos de cartão de desconto. Pacientes desses "
							+ "planos podem ser atendidos como particulares, com reembolso conforme as regras do seu plano.",
					"Alguns procedimentos, como clareamento e facetas, não são cobertos pela maioria dos convênios. A "
							+ "recepção confirma a cobertura com a operadora antes do agendamento."),
			List.of("Estacionamento e acessibilidade",
					"Os pacientes têm duas horas de estacionamento gratuito no Park Centro, na Rua das Acácias, 470, "
							+ "bem em frente à clínica. Basta carimbar o tíquete na recepção antes de sair.",
					"A clínica é totalmente acessível para cadeirantes: há rampa na entrada, elevador até o segundo "
							+ "andar e banheiro adaptado. Cães-guia são bem-vindos em todas as áreas.",
					"Para quem vem de bicicleta, há um bicicletário coberto com doze vagas no térreo do prédio."),
			List.of("Emergências",
					"Para emergências odontológicas, como dor forte, dente quebrado ou inchaço no rosto, ligue para o "
							+ "plantão 24 horas no número (41) 99876-5432. Um dentista de plantão retorna em até trinta "
							+ "minutos.",
					"Pacientes com dor aguda são atendidos no mesmo dia, mesmo sem horário marcado. Em caso de trauma "
							+ "com sangramento intenso, procure primeiro um pronto-socorro hospitalar.",
					"O atendimento de emergência fora do horário comercial tem uma taxa adicional de R$ 200,00."),
			List.of("Cancelamento e remarcação",
					"Consultas podem ser canceladas ou remarcadas sem custo com pelo menos 24 horas de antecedência, "
							+ "pelo telefone ou pelo WhatsApp da recepção.",
					"Cancelamentos com menos de 24 horas de antecedência, ou faltas sem aviso, geram uma taxa de "
							+ "R$ 50,00, cobrada na consulta seguinte. Depois de três faltas sem aviso o agendamento "
							+ "passa a exigir pagamento antecipado.",
					"Atrasos de até quinze minutos são tolerados; depois disso a consulta pode ser remarcada."),
			List.of("Nossa equipe",
					"A diretora clínica é a Dra. Helena Prado, especialista em prótese dentária, que atende às segundas, "
							+ "quartas e sextas-feiras. O Dr. Ricardo Souza é o responsável pela ortodontia e atende às "
							+ "terças e quintas-feiras, das 13h às 19h.",
					"A Dra. Fernanda Alves é endodontista e realiza tratamentos de canal com microscópio operatório. O "
							+ "Dr. Paulo Mendes é implantodontista e cirurgião bucomaxilofacial, com mais de vinte anos de "
							+ "experiência em implantes e enxertos ósseos.",
					"A equipe de apoio conta com quatro auxiliares de saúde bucal, duas técnicas em higiene dental e três "
							+ "recepcionistas. Todos participam de treinamentos anuais de biossegurança e primeiros "
							+ "socorros.",
					"Os dentistas da clínica participam regularmente de congressos no Brasil e no exterior, e trazem "
							+ "para os pacientes as técnicas mais atuais de odontologia estética e reabilitação oral."),
			List.of("Tratamentos oferecidos",
					"Oferecemos clínica geral, limpeza e prevenção, restaurações em resina, tratamento de canal, "
							+ "extrações, implantes, próteses fixas e removíveis, facetas de porcelana, lentes de contato "
							+ "dental, clareamento, ortodontia com aparelho fixo e alinhadores transparentes.",
					"Para crianças, oferecemos odontopediatria com aplicação de flúor, selantes e acompanhamento do "
							+ "crescimento dos dentes. Para pacientes com ronco e apneia do sono, fazemos placas de avanço "
							+ "mandibular sob medida.",
					"Todos os tratamentos começam com uma consulta de avaliação, com exame clínico, fotografias e, "
							+ "quando necessário, radiografias digitais com baixa dose de radiação. O orçamento é "
							+ "entregue por escrito e pode ser parcelado.",
					"A esterilização dos instrumentos segue as normas da Anvisa, com autoclave classe B e registro de "
							+ "cada ciclo. Materiais descartáveis são usados uma única vez e descartados com segurança."));

	/** The DOCX price list: a paragraph, a table (header row first) and a paragraph on payment. */
	public static final List<List<String>> PRICE_TABLE = List.of(List.of("Procedimento", "Preço", "Duração"),
			List.of("Limpeza e profilaxia", "R$ 180,00", "40 minutos"),
			List.of("Clareamento a laser", "R$ 950,00", "90 minutos"),
			List.of("Tratamento de canal (molar)", "R$ 1.200,00", "2 sessões de 60 minutos"),
			List.of("Implante dentário com coroa", "R$ 3.800,00", "3 etapas em 4 meses"),
			List.of("Manutenção de aparelho ortodôntico", "R$ 250,00 por mês", "20 minutos"));

	public static final String PRICE_INTRO = "Tabela de preços para pacientes particulares, válida de janeiro a "
			+ "dezembro. Os valores incluem a consulta de avaliação e as radiografias necessárias.";

	public static final String PRICE_PAYMENT = "Formas de pagamento: parcelamos em até 10 vezes sem juros no cartão "
			+ "de crédito. Pagamentos via Pix à vista têm 5% de desconto.";

	public static final String POLICIES_TXT = """
			Patient policies of Sorriso Feliz Dental Clinic

			Minors under 18 must be accompanied by a parent or legal guardian at every appointment. A signed consent \
			form is required before any treatment of a minor.

			Copies of dental records and X-rays are sent by e-mail within 5 business days after a written request \
			at the front desk. There is no fee for the first copy each year.

			Our dentists speak Portuguese, English and Spanish. Please tell the receptionist which language you \
			prefer when you book, and we will assign a dentist who speaks it.

			Guest Wi-Fi is available in the waiting room; the network is SorrisoGuest and the password is sorriso2024.

			We take your privacy seriously: recordings of calls are kept for 90 days and then deleted.
			""";

	public static final String FAQ_MD = """
			# Frequently asked questions

			## Do you treat children?

			Yes. Our pediatric dentist, Dr. Marcos Lima, sees children from age two on Tuesdays and Thursdays. \
			The first visit of a child includes a free fluoride application.

			## Do you offer sedation?

			Yes, conscious sedation with nitrous oxide is available for anxious patients, for an extra fee of R$ 150.

			## Can I get a teeth whitening kit to use at home?

			Yes, we provide custom trays and whitening gel for home use after an evaluation; the home kit costs R$ 600.

			## Vocês fazem atendimento a domicílio?

			Sim, para pacientes acamados ou com mobilidade reduzida fazemos visitas domiciliares em Curitiba, \
			às quartas-feiras à tarde, com agendamento pelo telefone da recepção.
			""";

	private KnowledgeFixtures() {
	}

	/** The clinic's eight-page PDF. */
	public static byte[] clinicPdf() {
		return pdf(CLINIC_PDF_PAGES, null);
	}

	/** A PDF with one paragraph per entry and one page per list; optionally password-protected. */
	public static byte[] pdf(List<List<String>> pages, String userPassword) {
		try (PDDocument document = new PDDocument()) {
			PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			for (List<String> paragraphs : pages) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(font, 11);
					content.setLeading(14);
					content.newLineAtOffset(56, 780);
					for (String paragraph : paragraphs) {
						for (String line : wrap(paragraph, 90)) {
							content.showText(line);
							content.newLine();
						}
						// A blank line: PDFBox sees a paragraph break.
						content.newLine();
					}
					content.endText();
				}
			}
			if (userPassword != null) {
				document.protect(new StandardProtectionPolicy("owner-" + userPassword, userPassword,
						new AccessPermission()));
			}
			return save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A scan: two pages holding only an image, no text layer. */
	public static byte[] imageOnlyPdf() {
		try (PDDocument document = new PDDocument()) {
			for (int i = 0; i < 2; i++) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				PDImageXObject image = LosslessFactory.createFromImage(document, scannedImage());
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.drawImage(image, 50, 300, 400, 300);
				}
			}
			return save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The price list: intro, a table with a header row, payment terms. */
	public static byte[] priceListDocx() {
		try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			docx.createParagraph().createRun().setText("Tabela de preços 2024");
			docx.createParagraph().createRun().setText(PRICE_INTRO);
			XWPFTable table = docx.createTable(PRICE_TABLE.size(), PRICE_TABLE.get(0).size());
			for (int r = 0; r < PRICE_TABLE.size(); r++) {
				XWPFTableRow row = table.getRow(r);
				for (int c = 0; c < PRICE_TABLE.get(r).size(); c++) {
					row.getCell(c).setText(PRICE_TABLE.get(r).get(c));
				}
			}
			docx.createParagraph().createRun().setText(PRICE_PAYMENT);
			docx.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A DOCX whose document.xml unpacks to {@code unpackedMegabytes} MB (spaces inside a paragraph): a few hundred
	 * KB on the wire.
	 */
	public static byte[] zipBombDocx(int unpackedMegabytes) {
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
			put(zip, "[Content_Types].xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
					<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
					<Default Extension="xml" ContentType="application/xml"/>
					<Override PartName="/word/document.xml" \
					ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
					</Types>""".getBytes(StandardCharsets.UTF_8));
			put(zip, "_rels/.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
					<Relationship Id="rId1" \
					Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
					Target="word/document.xml"/>
					</Relationships>""".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document "
					+ "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>")
				.getBytes(StandardCharsets.UTF_8));
			byte[] spaces = new byte[1024 * 1024];
			java.util.Arrays.fill(spaces, (byte) ' ');
			for (int i = 0; i < unpackedMegabytes; i++) {
				zip.write(spaces);
			}
			zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
			zip.finish();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A real PNG, for "renamed binary" uploads. */
	public static byte[] png() {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(scannedImage(), "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> wrap(String text, int width) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > width) {
				lines.add(line.toString());
				line.setLength(0);
			}
			line.append((line.length() > 0) ? " " : "").append(word);
		}
		lines.add(line.toString());
		return lines;
	}

	private static BufferedImage scannedImage() {
		BufferedImage image = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, 200, 150);
		graphics.setColor(Color.DARK_GRAY);
		for (int y = 20; y < 140; y += 12) {
			graphics.fillRect(15, y, 170, 5);
		}
		graphics.dispose();
		return image;
	}

	private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

	private static byte[] save(PDDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		return out.toByteArray();
	}

}
