package org.voiceai.service.documents;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A document sent as JSON: free text (plain or Markdown) or a FAQ.
 *
 * @param title the name shown to admins and cited to callers; default: the text's first line
 * @param content the text, when no {@code faq} is given
 * @param format {@code text} (default) or {@code markdown}
 * @param faq questions with their answers, instead of {@code content}
 * @param secretaryUuid the secretary it belongs to; absent for the whole domain
 */
public record TextDocumentRequest(@JsonProperty("title") String title, @JsonProperty("content") String content,
		@JsonProperty("format") String format, @JsonProperty("faq") List<FaqEntry> faq,
		@JsonProperty("secretary_uuid") UUID secretaryUuid) {

}
