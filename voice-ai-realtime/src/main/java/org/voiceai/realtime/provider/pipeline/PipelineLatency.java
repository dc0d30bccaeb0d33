package org.voiceai.realtime.provider.pipeline;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Where a pipeline reply's time goes, per stage, as {@code voiceai.realtime.pipeline.latency} timers tagged by domain
 * and stage: {@code model} (the caller's turn ended, or a reply was requested → the model's first event),
 * {@code speech} (first model event → first reply audio) and {@code reply} (the two together). The bridge's own
 * {@code voiceai.realtime.provider.round.trip} covers the same span as {@code reply} plus the bridge; these say which
 * stage to blame. Each reply is also logged at debug level.
 */
final class PipelineLatency {

	private static final Log logger = LogFactory.getLog(PipelineLatency.class);

	private final Timer model;

	private final Timer speech;

	private final Timer reply;

	PipelineLatency(MeterRegistry registry, String domain) {
		this.model = timer(registry, domain, "model");
		this.speech = timer(registry, domain, "speech");
		this.reply = timer(registry, domain, "reply");
	}

	private static Timer timer(MeterRegistry registry, String domain, String stage) {
		return Timer.builder("voiceai.realtime.pipeline.latency")
			.tags("domain", domain, "stage", stage)
			.description("Custom pipeline: time spent in one stage of a reply")
			.register(registry);
	}

	/**
	 * Records one reply's stages (nanosecond clock readings; a stage that did not happen is negative and skipped).
	 * @param turnEnded when the caller's turn ended or the reply was requested
	 * @param firstEvent when the model's first event arrived
	 * @param firstAudio when the first reply audio was ready
	 */
	void record(long turnEnded, long firstEvent, long firstAudio) {
		if (firstEvent >= 0) {
			this.model.record(firstEvent - turnEnded, TimeUnit.NANOSECONDS);
		}
		if (firstAudio >= 0 && firstEvent >= 0) {
			this.speech.record(firstAudio - firstEvent, TimeUnit.NANOSECONDS);
		}
		if (firstAudio >= 0) {
			this.reply.record(firstAudio - turnEnded, TimeUnit.NANOSECONDS);
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Pipeline reply: model " + millis(turnEnded, firstEvent) + ", speech "
					+ millis(firstEvent, firstAudio) + ", total " + millis(turnEnded, firstAudio));
		}
	}

	private static String millis(long from, long to) {
		return (from < 0 || to < 0) ? "-" : ((to - from) / 1_000_000) + " ms";
	}

}
