package io.domaindesk.clients;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The receipt of an answer, for the agency's file: the answer and its evidence, then the
 * exact text the owner saw and its SHA-256 (anyone can recompute it from the text).
 */
@Component
class ConsentReceipt {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss XXX");

	private final MessageSource messages;

	ConsentReceipt(MessageSource messages) {
		this.messages = messages;
	}

	byte[] pdf(ConsentRequest consent, String agencyName, Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 48, 48, 48, 48);
		try {
			PdfWriter.getInstance(document, out);
			document.open();
			Font title = new Font(Font.HELVETICA, 15, Font.BOLD);
			Font normal = new Font(Font.HELVETICA, 10);
			Font mono = new Font(Font.COURIER, 8);
			ZoneId zone = ZoneId.systemDefault();
			document.add(new Paragraph(text(locale, "consent.receipt.title", agencyName), title));
			document.add(new Paragraph(" ", normal));
			line(document, normal, locale, "consent.receipt.domain", Consents.unicode(consent.getDomainName()));
			line(document, normal, locale, "consent.receipt.trade", consent.getTradeId());
			line(document, normal, locale, "consent.receipt.recipient", consent.getRecipientEmail());
			line(document, normal, locale, "consent.receipt.sent", consent.getCreatedBy(),
					TIME.format(consent.getCreatedAt().atZone(zone)));
			line(document, normal, locale, "consent.receipt.answer",
					text(locale, "consent.status." + consent.getStatus()));
			if (consent.getAnsweredAt() != null) {
				line(document, normal, locale, "consent.receipt.answeredAt",
						TIME.format(consent.getAnsweredAt().atZone(zone)));
				line(document, normal, locale, "consent.receipt.ip", String.valueOf(consent.getAnswerIp()));
				line(document, normal, locale, "consent.receipt.userAgent",
						String.valueOf(consent.getAnswerUserAgent()));
				line(document, normal, locale, "consent.receipt.comment",
						(consent.getAnswerComment() != null) ? consent.getAnswerComment() : "—");
			}
			document.add(new Paragraph(" ", normal));
			document.add(new Paragraph(text(locale, "consent.receipt.shown"), normal));
			document.add(new Paragraph(consent.getShownText(), normal));
			document.add(new Paragraph(" ", normal));
			line(document, mono, locale, "consent.receipt.sha", consent.getShownSha256());
			line(document, mono, locale, "consent.receipt.audit");
			document.close();
		}
		catch (DocumentException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	private void line(Document document, Font font, Locale locale, String key, Object... args) {
		document.add(new Paragraph(text(locale, key, args), font));
	}

	private String text(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
