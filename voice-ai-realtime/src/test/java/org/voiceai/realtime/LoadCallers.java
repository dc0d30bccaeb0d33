package org.voiceai.realtime;

import java.net.URI;
import java.util.List;

import org.voiceai.providers.manager.ProviderDraft;

/**
 * The far side of {@link RealtimeLoadBenchmark}: its callers (mod_audio_stream emulators) and the provider fake they
 * reach through the bridge, either in the benchmark's JVM ({@link LocalLoadCallers}) or in a process of their own
 * ({@link RemoteLoadCallers}, {@code -Dbench.split=true}) so that the bridge's JVM holds nothing but the bridge and
 * its small accessories (the ESL fake, WireMock as voice-ai-service).
 */
interface LoadCallers extends AutoCloseable {

	/** Every caller says something for this long... */
	int SPEECH_MILLIS = 400;

	/** ...once every this many milliseconds, each call at its own phase. */
	int CYCLE_MILLIS = 4000;

	static LoadCallers start(String provider, boolean split, boolean pin) {
		return split ? RemoteLoadCallers.start(provider, pin) : new LocalLoadCallers(LoadProvider.start(provider));
	}

	/** {@code -Dbench.provider}: openai, gemini, elevenlabs, custom. */
	String provider();

	/** The domain's realtime row, pointing at the fake. */
	ProviderDraft row();

	/** The other rows the provider needs, pointing at their fakes; each replaces the domain's rows of its type. */
	List<ProviderDraft> companions();

	/** Connects one caller that speaks {@code firstSpeechMillis} from now and every {@link #CYCLE_MILLIS} after. */
	void call(URI stream, long firstSpeechMillis) throws Exception;

	/** Binary frames (agent audio) the callers have received so far. */
	long heard();

	/** Replies the provider fake sent late, before the bridge saw them ({@link LoadProvider#lateReplies()}). */
	long providerLateReplies();

	/** Every caller hangs up (FreeSWITCH closes the streams with 1000), and is forgotten. */
	void hangUp();

	/** CPU time of the callers' own process so far, or -1 when they share the benchmark's JVM. */
	long processCpuNanos();

	@Override
	void close();

}
