package org.voiceai.service.synthesize;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/v1/synthesize} body. {@code sample_rate} defaults to 8000 (narrowband phone audio). */
public record SynthesizeRequest(@JsonProperty("domain_uuid") UUID domainUuid, String text,
		@JsonProperty("voice_id") String voiceId, Double speed, @JsonProperty("sample_rate") Integer sampleRate,
		String language, String provider, @JsonProperty("secretary_uuid") UUID secretaryUuid) {

	SynthesizeCommand toCommand() {
		return new SynthesizeCommand(this.text, this.voiceId, this.speed, (this.sampleRate != null) ? this.sampleRate : 8000,
				this.language, this.provider, this.secretaryUuid);
	}

}
