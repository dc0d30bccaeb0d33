package org.voiceai.realtime.call;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.voiceai.realtime.esl.EslCommands;

/** {@link CallControl} over ESL, one per call. */
public class CallControls {

	private static final Logger logger = LoggerFactory.getLogger(CallControls.class);

	private final EslCommands esl;

	public CallControls(EslCommands esl) {
		this.esl = esl;
	}

	public CallControl forCall(UUID call) {
		String id = call.toString();
		return new CallControl() {

			@Override
			public Mono<Void> transfer(String number, String context) {
				// Once transferred the stream has no purpose; stopping it closes the socket with 1000.
				return CallControls.this.esl.transfer(id, number, context)
					.then(CallControls.this.esl.audioStreamStop(id)
						.onErrorResume((error) -> {
							logger.debug("Stream of call {} already stopped: {}", call, error.getMessage());
							return Mono.empty();
						}))
					.then();
			}

			@Override
			public Mono<Void> hangUp() {
				return CallControls.this.esl.kill(id).then();
			}

		};
	}

}
