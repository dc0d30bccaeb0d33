package org.voiceai.realtime.stream;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.voiceai.audio.AudioFormat;
import org.voiceai.realtime.config.ReturnMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamRequestTest {

	static final String SECRETARY = "3f1c2b4a-5d6e-4f70-8a91-b2c3d4e5f601";

	static final String CALL = "9f0c1f4e-3b0a-4f57-b1a3-2f1c7a5d9e11";

	static final String DOMAIN = "5f0c5e2a-6d1b-4c55-9a51-000000000001";

	@Test
	void readsTheIdsTheCallerAndTheQuery() {
		StreamRequest request = parse("/stream/" + SECRETARY + "/" + CALL + "/%2B5511999990000?domain_uuid=" + DOMAIN
				+ "&rate=16000&return_mode=RAW");
		assertThat(request.secretary()).isEqualTo(UUID.fromString(SECRETARY));
		assertThat(request.call()).isEqualTo(UUID.fromString(CALL));
		assertThat(request.callerId()).isEqualTo("+5511999990000");
		assertThat(request.domain().value()).isEqualTo(UUID.fromString(DOMAIN));
		assertThat(request.callerFormat()).isEqualTo(AudioFormat.PCM16_16K);
		assertThat(request.returnMode()).isEqualTo(ReturnMode.RAW);
	}

	@Test
	void defaultsRateAndModeAndAcceptsG711() {
		StreamRequest request = parse("/stream/" + SECRETARY + "/" + CALL + "?domain_uuid=" + DOMAIN + "&encoding=pcmu");
		assertThat(request.callerId()).isNull();
		assertThat(request.callerFormat()).isEqualTo(AudioFormat.ULAW_8K);
		assertThat(request.returnMode()).isEqualTo(ReturnMode.FILE);
		assertThat(parse("/stream/" + SECRETARY + "/" + CALL + "?domain_uuid=" + DOMAIN + "&rate=8k").callerFormat())
			.isEqualTo(AudioFormat.PCM16_8K);
	}

	@Test
	void refusesWhatItCannotServeWithCode4400AndAReason() {
		refused("/stream/" + SECRETARY, "expected /stream/");
		refused("/stream/not-a-uuid/" + CALL + "?domain_uuid=" + DOMAIN, "secretary_uuid is not a UUID");
		refused("/stream/" + SECRETARY + "/" + CALL, "domain_uuid is required");
		refused("/stream/" + SECRETARY + "/" + CALL + "?domain_uuid=" + DOMAIN + "&rate=44100", "rate must be");
		refused("/stream/" + SECRETARY + "/" + CALL + "?domain_uuid=" + DOMAIN + "&encoding=pcmu&rate=16000",
				"G.711 is 8000 Hz only");
		refused("/stream/" + SECRETARY + "/" + CALL + "?domain_uuid=" + DOMAIN + "&return_mode=mp3",
				"return_mode must be");
		refused("/stream/" + SECRETARY + "/" + CALL + "/1001%0Auuid_kill?domain_uuid=" + DOMAIN,
				"caller_id holds unexpected characters");
	}

	private static void refused(String path, String reason) {
		assertThatThrownBy(() -> parse(path)).isInstanceOf(StreamRefusedException.class)
			.hasMessageContaining(reason)
			.satisfies((error) -> assertThat(((StreamRefusedException) error).code()).isEqualTo(4400));
	}

	private static StreamRequest parse(String path) {
		return StreamRequest.parse(URI.create("ws://bridge:8080" + path), ReturnMode.FILE, 8000);
	}

}
