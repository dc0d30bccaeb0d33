package org.voiceai.realtime;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;
import org.voiceai.audio.Pcm16;
import org.voiceai.providers.manager.ProviderDraft;
import org.voiceai.realtime.emulator.ModAudioStreamEmulator;

/**
 * Callers and the provider fake in the current JVM: mod_audio_stream emulators at 8 kHz (raw 16-bit PCM) sending
 * their 20 ms frames from one shared thread, and one thread that makes them speak.
 */
final class LocalLoadCallers implements LoadCallers {

	private static final byte[] WORDS = tone(8000, SPEECH_MILLIS);

	private final LoadProvider provider;

	private final ScheduledExecutorService media = executor("mod-audio-stream-emulator", Thread.MAX_PRIORITY);

	private final ScheduledExecutorService speech = executor("bench-speech", Thread.NORM_PRIORITY);

	private final List<ModAudioStreamEmulator> callers = new CopyOnWriteArrayList<>();

	private final List<ScheduledFuture<?>> talking = new CopyOnWriteArrayList<>();

	LocalLoadCallers(LoadProvider provider) {
		this.provider = provider;
	}

	@Override
	public String provider() {
		return this.provider.name();
	}

	@Override
	public ProviderDraft row() {
		return this.provider.row();
	}

	@Override
	public List<ProviderDraft> companions() {
		return this.provider.companions();
	}

	@Override
	public void call(URI stream, long firstSpeechMillis) throws InterruptedException {
		ModAudioStreamEmulator caller = ModAudioStreamEmulator
			.connect(stream, CallFixture.authorization(), new AudioFormat(AudioEncoding.PCM16, 8000, 1), null,
					this.media)
			.countReceivedOnly();
		this.callers.add(caller);
		this.talking.add(this.speech.scheduleAtFixedRate(() -> {
			if (caller.isOpen()) {
				caller.speak(WORDS);
			}
		}, firstSpeechMillis, CYCLE_MILLIS, TimeUnit.MILLISECONDS));
	}

	@Override
	public long heard() {
		return this.callers.stream().mapToLong(ModAudioStreamEmulator::binariesReceived).sum();
	}

	@Override
	public long providerLateReplies() {
		return this.provider.lateReplies();
	}

	@Override
	public void hangUp() {
		this.talking.forEach((task) -> task.cancel(false));
		this.talking.clear();
		this.callers.forEach(ModAudioStreamEmulator::hangUp);
		this.callers.clear();
	}

	@Override
	public long processCpuNanos() {
		return -1;
	}

	@Override
	public void close() {
		hangUp();
		this.speech.shutdownNow();
		this.media.shutdownNow();
		try {
			this.provider.fake().close();
		}
		catch (Exception ex) {
			throw new IllegalStateException("could not stop the " + this.provider.name() + " fake", ex);
		}
	}

	private static ScheduledExecutorService executor(String name, int priority) {
		return Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			thread.setPriority(priority);
			return thread;
		});
	}

	private static byte[] tone(int rate, int millis) {
		short[] samples = new short[rate * millis / 1000];
		for (int n = 0; n < samples.length; n++) {
			samples[n] = (short) (12000 * Math.sin(2 * Math.PI * 300 * n / rate));
		}
		return Pcm16.toBytes(samples);
	}

}
