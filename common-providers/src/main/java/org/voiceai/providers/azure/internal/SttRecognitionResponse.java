package org.voiceai.providers.azure.internal;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of a short-audio recognition with {@code format=detailed}. Its {@code Offset} and {@code Duration} (100-ns
 * ticks) locate the recognised speech, not the audio's length, so they are not read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SttRecognitionResponse(@JsonProperty("RecognitionStatus") String recognitionStatus,
		@JsonProperty("DisplayText") String displayText, @JsonProperty("NBest") List<Best> nBest) {

	/** One hypothesis; the list is best first. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Best(@JsonProperty("Confidence") Double confidence, @JsonProperty("Display") String display) {
	}

}
