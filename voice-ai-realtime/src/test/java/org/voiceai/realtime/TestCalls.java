package org.voiceai.realtime;

import java.time.Instant;
import java.util.UUID;

import org.voiceai.audio.AudioFormat;
import org.voiceai.realtime.call.CallContext;
import org.voiceai.realtime.config.ReturnMode;
import org.voiceai.realtime.stream.StreamMetadata;
import org.voiceai.realtime.stream.StreamRequest;
import org.voiceai.tenant.DomainId;
import org.voiceai.tenant.Secretary;

/** A call's facts for tests that need no database: secretary Ana of a fresh domain, an 8 kHz caller. */
public final class TestCalls {

	private TestCalls() {
	}

	/** @param businessInfo the secretary's {@code business_info} JSON */
	public static CallContext context(String businessInfo) {
		DomainId domain = new DomainId(UUID.randomUUID());
		Secretary secretary = new Secretary(UUID.randomUUID(), domain, "Ana", "Clínica Sorriso", "8000",
				Secretary.ProcessingMode.REALTIME, "pt-BR",
				new Secretary.Prompts(null, "Bom dia!", "Obrigada pela ligação, até logo!", null, null, null, null),
				new Secretary.Providers(null, null, null, null, null), new Secretary.Voice(null, 1.0),
				new Secretary.Model(null, 0.7, 500), new Secretary.Limits(20, 30, 600, 3000, 30),
				new Secretary.Transfer("9000", "hangup", true), businessInfo, "{}", null);
		StreamRequest request = new StreamRequest(secretary.uuid(), UUID.randomUUID(), "5511999990000", domain,
				AudioFormat.PCM16_8K, ReturnMode.RAW);
		return new CallContext(request, StreamMetadata.NONE, secretary, "pbx.example.com", "openai_realtime",
				Instant.now());
	}

}
