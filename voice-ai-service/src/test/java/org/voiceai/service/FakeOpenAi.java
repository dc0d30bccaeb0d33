package org.voiceai.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * OpenAI's transcription, streaming Chat Completions and speech endpoints on their real wire formats (multipart in,
 * JSON out; server-sent {@code chat.completion.chunk} events ending in {@code [DONE]}; raw 24 kHz PCM out). The chat
 * stream sends its first sentence, then holds the rest back until a speech request arrives (at most 10 s), so a test
 * can see whether speech started while the model was still writing. A chat request without {@code "stream": true}
 * gets one {@code chat.completion} of the whole reply. Every request is logged in arrival order.
 */
public final class FakeOpenAi implements AutoCloseable {

	/** 24 kHz PCM16 bytes of speech per character of input: 10 ms each. */
	public static final int BYTES_PER_CHARACTER = 480;

	private static final Pattern STREAMING = Pattern.compile("\"stream\"\\s*:\\s*true");

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final List<String> events = new CopyOnWriteArrayList<>();

	private volatile String transcript = "";

	private volatile List<String> pieces = List.of();

	private volatile int holdAfter;

	private volatile CountDownLatch speechRequested = new CountDownLatch(1);

	private volatile boolean heldUntilSpeech;

	private final List<String> chatRequests = new CopyOnWriteArrayList<>();

	public FakeOpenAi() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.threads);
		this.server.createContext("/v1/audio/transcriptions", this::transcribe);
		this.server.createContext("/v1/chat/completions", this::chat);
		this.server.createContext("/v1/audio/speech", this::speak);
		this.server.start();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
	}

	/**
	 * The next turns: what transcription returns, and the reply streamed as {@code pieces}, holding back every piece
	 * after the first {@code holdAfter} until speech is requested.
	 */
	public void script(String transcript, List<String> pieces, int holdAfter) {
		this.transcript = transcript;
		this.pieces = pieces;
		this.holdAfter = holdAfter;
		this.speechRequested = new CountDownLatch(1);
		this.heldUntilSpeech = false;
		this.events.clear();
		this.chatRequests.clear();
	}

	/**
	 * Requests in arrival order: {@code stt}, {@code llm-start} and {@code llm-end} (a stream), {@code llm} (a
	 * whole completion), {@code tts:<input>}.
	 */
	public List<String> events() {
		return List.copyOf(this.events);
	}

	/** The bodies of the chat requests since the last {@link #script}, in order. */
	public List<String> chatRequests() {
		return List.copyOf(this.chatRequests);
	}

	/** Whether the last stream's held-back pieces were released by a speech request rather than the timeout. */
	public boolean heldUntilSpeech() {
		return this.heldUntilSpeech;
	}

	private void transcribe(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		this.events.add("stt");
		respond(exchange, "application/json", ("{\"task\": \"transcribe\", \"language\": \"portuguese\", "
				+ "\"duration\": 0.5, \"text\": " + json(this.transcript) + "}").getBytes(StandardCharsets.UTF_8));
	}

	private void chat(HttpExchange exchange) throws IOException {
		String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		this.chatRequests.add(request);
		if (!STREAMING.matcher(request).find()) {
			this.events.add("llm");
			respond(exchange, "application/json", ("{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion\", "
					+ "\"created\": 1767225600, \"model\": \"gpt-4o-mini\", \"choices\": [{\"index\": 0, \"message\": "
					+ "{\"role\": \"assistant\", \"content\": " + json(String.join("", this.pieces))
					+ "}, \"finish_reason\": \"stop\"}], \"usage\": {\"prompt_tokens\": 30, \"completion_tokens\": 12, "
					+ "\"total_tokens\": 42}}").getBytes(StandardCharsets.UTF_8));
			return;
		}
		this.events.add("llm-start");
		exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
		exchange.sendResponseHeaders(200, 0);
		try (OutputStream out = exchange.getResponseBody()) {
			event(out, chunk("{\"role\": \"assistant\", \"content\": \"\"}", null));
			List<String> reply = this.pieces;
			for (int i = 0; i < reply.size(); i++) {
				if (i == this.holdAfter) {
					try {
						this.heldUntilSpeech = this.speechRequested.await(10, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						return;
					}
				}
				event(out, chunk("{\"content\": " + json(reply.get(i)) + "}", null));
			}
			event(out, chunk("{}", "stop"));
			event(out, "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion.chunk\", \"created\": 1767225600, "
					+ "\"model\": \"gpt-4o-mini\", \"choices\": [], \"usage\": {\"prompt_tokens\": 30, "
					+ "\"completion_tokens\": 12, \"total_tokens\": 42}}");
			event(out, "[DONE]");
			this.events.add("llm-end");
		}
	}

	private void speak(HttpExchange exchange) throws IOException {
		String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
		int start = request.indexOf("\"input\"");
		int open = request.indexOf('"', request.indexOf(':', start) + 1);
		int close = request.indexOf('"', open + 1);
		String input = request.substring(open + 1, close);
		this.events.add("tts:" + input);
		this.speechRequested.countDown();
		respond(exchange, "audio/pcm", new byte[input.length() * BYTES_PER_CHARACTER]);
	}

	private static String chunk(String delta, String finishReason) {
		return "{\"id\": \"chatcmpl-1\", \"object\": \"chat.completion.chunk\", \"created\": 1767225600, \"model\": "
				+ "\"gpt-4o-mini\", \"choices\": [{\"index\": 0, \"delta\": " + delta + ", \"finish_reason\": "
				+ ((finishReason != null) ? "\"" + finishReason + "\"" : "null") + "}]}";
	}

	private static void event(OutputStream out, String data) throws IOException {
		out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
		out.flush();
	}

	private static void respond(HttpExchange exchange, String type, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
