package org.voiceai.realtime.emulator;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;

import org.voiceai.audio.AudioEncoding;
import org.voiceai.audio.AudioFormat;

/**
 * Plays FreeSWITCH's mod_audio_stream towards the bridge, as measured on a real FreeSWITCH 1.10.12
 * (shared/docs/freeswitch-fusionpbx.md §6): a plain upgrade without subprotocol or deflate, carrying the extra
 * headers of {@code STREAM_EXTRA_HEADERS}; the optional metadata as the first text frame; then binary signed 16-bit
 * little-endian frames of 20 ms (320 B at 8 kHz, 640 B at 16 kHz) with the measured jitter (median 20 ms, an
 * occasional back-to-back pair, gaps up to ~47 ms); no frames while paused; close 1000 on hang-up.
 * <p>
 * The caller "speaks" what {@link #speak} queues and is silent otherwise. Everything the bridge sends back is kept
 * with its arrival time ({@link #received()}) so a test can rebuild what the caller heard for any return mode.
 * <p>
 * Frames are sent from a scheduler: the emulator's own thread by default, or one shared by many emulators
 * ({@link #connect(URI, Map, AudioFormat, String, ScheduledExecutorService)}), so that a load test of hundreds of
 * calls does not need a sender thread per call. Java-WebSocket's {@code send} only queues the frame for the socket's
 * writer thread, so a shared sender never waits on one slow socket.
 */
public final class ModAudioStreamEmulator implements AutoCloseable {

	/** One message from the bridge. */
	public record Received(long nanos, byte[] binary, String text) {

		public boolean isBinary() {
			return this.binary != null;
		}

	}

	private final Client client;

	private final int frameBytes;

	private final byte silence;

	private final Random jitter;

	private final ArrayDeque<byte[]> speech = new ArrayDeque<>();

	private final List<Received> received = new ArrayList<>();

	private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

	private volatile String closeReason;

	private volatile Consumer<String> textListener = (text) -> {
	};

	private volatile boolean paused;

	private volatile boolean keepReceived = true;

	private long binariesReceived;

	private long textsReceived;

	private volatile boolean running = true;

	private final ScheduledExecutorService sender;

	private final boolean ownSender;

	/** When the next frame is due on the 20 ms grid, before jitter. */
	private long next;

	private long framesSent;

	private ModAudioStreamEmulator(URI uri, Map<String, String> headers, AudioFormat format, long seed,
			ScheduledExecutorService sender) {
		this.client = new Client(uri, headers);
		this.ownSender = sender == null;
		this.sender = this.ownSender ? Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "mod-audio-stream-emulator");
			thread.setDaemon(true);
			return thread;
		}) : sender;
		this.frameBytes = format.bytesPerSecond() / 50;
		this.silence = switch (format.encoding()) {
			case ULAW -> (byte) 0xFF;
			case ALAW -> (byte) 0xD5;
			case PCM16 -> 0;
		};
		this.jitter = new Random(seed);
	}

	/**
	 * Connects and, when {@code metadata} is not null, sends it as the first text frame; then streams frames.
	 * @param headers the handshake headers ({@code STREAM_EXTRA_HEADERS}), e.g. the Authorization token
	 */
	public static ModAudioStreamEmulator connect(URI uri, Map<String, String> headers, int sampleRate, String metadata)
			throws InterruptedException {
		return connect(uri, headers, new AudioFormat(AudioEncoding.PCM16, sampleRate, 1), metadata);
	}

	/** As {@link #connect(URI, Map, int, String)} for a fork that sends {@code format}, e.g. 20 ms of G.711. */
	public static ModAudioStreamEmulator connect(URI uri, Map<String, String> headers, AudioFormat format,
			String metadata) throws InterruptedException {
		return connect(uri, headers, format, metadata, null);
	}

	/**
	 * As {@link #connect(URI, Map, AudioFormat, String)}, sending frames from {@code sender} (shared with other
	 * emulators, owned by the caller, one thread is plenty) instead of a thread of this emulator's own.
	 */
	public static ModAudioStreamEmulator connect(URI uri, Map<String, String> headers, AudioFormat format,
			String metadata, ScheduledExecutorService sender) throws InterruptedException {
		ModAudioStreamEmulator emulator = new ModAudioStreamEmulator(uri, headers, format, uri.hashCode(), sender);
		boolean open = emulator.client.connectBlocking(5, TimeUnit.SECONDS);
		if (!open && !emulator.closeCode.isDone()) {
			throw new IllegalStateException("could not connect to " + uri);
		}
		// A bridge that refuses right after the handshake has already closed: the test reads closeCode().
		if (metadata != null && emulator.client.isOpen()) {
			emulator.client.send(metadata);
		}
		emulator.startSending();
		return emulator;
	}

	/**
	 * Called with each text frame from the bridge, on the socket's thread: a test plays the open-source module's part
	 * there (writing {@code streamAudio} to a file and firing {@code mod_audio_stream::play}).
	 */
	public void onText(Consumer<String> listener) {
		this.textListener = listener;
	}

	/** Queues caller speech (in the stream's format); it goes out in 20 ms frames after what is queued. */
	public synchronized void speak(byte[] pcm) {
		for (int offset = 0; offset < pcm.length; offset += this.frameBytes) {
			byte[] frame = silence();
			System.arraycopy(pcm, offset, frame, 0, Math.min(this.frameBytes, pcm.length - offset));
			this.speech.add(frame);
		}
	}

	/** Whether the queued speech has all been sent. */
	public synchronized boolean doneSpeaking() {
		return this.speech.isEmpty();
	}

	/** {@code uuid_audio_stream … pause}: no frames at all (not even silence) until {@link #resume}. */
	public void pause() {
		this.paused = true;
	}

	public void resume() {
		this.paused = false;
	}

	/** Sends a text frame, as {@code uuid_audio_stream … send_text} does. */
	public void sendText(String text) {
		this.client.send(text);
	}

	/** Sends one binary frame of any content, outside the regular 20 ms cadence. */
	public void sendBinary(byte[] data) {
		this.client.send(data);
	}

	/** The caller hangs up: FreeSWITCH closes the socket with 1000 "Normal closure". */
	public void hangUp() {
		stopSending();
		this.client.close(CloseFrame.NORMAL, "Normal closure");
	}

	/**
	 * From now on only counts what the bridge sends ({@link #binariesReceived()}, {@link #textsReceived()}) instead
	 * of keeping it: a load run of hundreds of calls would otherwise fill the heap with agent audio.
	 */
	public ModAudioStreamEmulator countReceivedOnly() {
		this.keepReceived = false;
		return this;
	}

	public synchronized long binariesReceived() {
		return this.binariesReceived;
	}

	public synchronized long textsReceived() {
		return this.textsReceived;
	}

	public synchronized List<Received> received() {
		return List.copyOf(this.received);
	}

	/** The close code the bridge (or the hang-up) ended the socket with. */
	public CompletableFuture<Integer> closeCode() {
		return this.closeCode;
	}

	public String closeReason() {
		return this.closeReason;
	}

	public boolean isOpen() {
		return this.client.isOpen();
	}

	public synchronized long framesSent() {
		return this.framesSent;
	}

	@Override
	public void close() {
		stopSending();
		if (this.client.isOpen()) {
			this.client.close(CloseFrame.NORMAL, "Normal closure");
		}
	}

	private void startSending() {
		this.next = System.nanoTime() + 40_000_000L;
		scheduleNextFrame();
	}

	private void stopSending() {
		this.running = false;
		if (this.ownSender) {
			this.sender.shutdownNow();
		}
	}

	private void scheduleNextFrame() {
		this.next += 20_000_000L;
		long delay = this.next - System.nanoTime() + lateness();
		try {
			this.sender.schedule(this::sendDueFrame, Math.max(0, delay), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException ex) {
			// The sender was shut down: the call is over.
		}
	}

	private void sendDueFrame() {
		if (!this.running || !this.client.isOpen()) {
			return;
		}
		try {
			if (!this.paused) {
				sendFrame();
			}
		}
		catch (RuntimeException ex) {
			// The socket closed between the check and the send: the call is over.
			return;
		}
		scheduleNextFrame();
	}

	/** Real media threads are mostly on time, sometimes late (a back-to-back pair follows), rarely ~27 ms late. */
	private long lateness() {
		int roll = this.jitter.nextInt(100);
		if (roll < 5) {
			return 10_000_000L;
		}
		if (roll < 7) {
			return 27_000_000L;
		}
		return 0;
	}

	private void sendFrame() {
		byte[] frame;
		synchronized (this) {
			frame = this.speech.isEmpty() ? silence() : this.speech.poll();
			this.framesSent++;
		}
		this.client.send(frame);
	}

	private byte[] silence() {
		byte[] frame = new byte[this.frameBytes];
		Arrays.fill(frame, this.silence);
		return frame;
	}

	private final class Client extends WebSocketClient {

		Client(URI uri, Map<String, String> headers) {
			super(uri, headers);
		}

		@Override
		public void onOpen(ServerHandshake handshake) {
		}

		@Override
		public void onMessage(String message) {
			synchronized (ModAudioStreamEmulator.this) {
				ModAudioStreamEmulator.this.textsReceived++;
				if (ModAudioStreamEmulator.this.keepReceived) {
					ModAudioStreamEmulator.this.received.add(new Received(System.nanoTime(), null, message));
				}
			}
			ModAudioStreamEmulator.this.textListener.accept(message);
		}

		@Override
		public void onMessage(ByteBuffer bytes) {
			synchronized (ModAudioStreamEmulator.this) {
				ModAudioStreamEmulator.this.binariesReceived++;
				if (ModAudioStreamEmulator.this.keepReceived) {
					byte[] data = new byte[bytes.remaining()];
					bytes.get(data);
					ModAudioStreamEmulator.this.received.add(new Received(System.nanoTime(), data, null));
				}
			}
		}

		@Override
		public void onClose(int code, String reason, boolean remote) {
			ModAudioStreamEmulator.this.closeReason = reason;
			stopSending();
			ModAudioStreamEmulator.this.closeCode.complete(code);
		}

		@Override
		public void onError(Exception ex) {
		}

	}

}
