package org.voiceai.realtime.fakes.esl;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import tools.jackson.databind.json.JsonMapper;

/**
 * A FreeSWITCH {@code mod_event_socket} for tests: a real TCP server on 127.0.0.1 that speaks the inbound Event Socket
 * protocol byte for byte as FreeSWITCH 1.10 does.
 * <ul>
 * <li>On connect: {@code Content-Type: auth/request}. {@code auth <password>} is answered
 * {@code command/reply}/{@code Reply-Text: +OK accepted}, or {@code -ERR invalid} followed by a
 * {@code text/disconnect-notice} and close, as FreeSWITCH does with a wrong password.</li>
 * <li>{@code event json <NAMES...> [CUSTOM <subclasses...>]} (or {@code ALL}) is answered
 * {@code +OK event listener enabled json}; only subscribed events are then delivered to that connection, as
 * {@code Content-Length}/{@code Content-Type: text/event-json} messages whose length counts UTF-8 bytes. Other formats
 * ({@code plain}, {@code xml}) are refused with {@code -ERR}: this fake only renders JSON.</li>
 * <li>{@code api <command>} is answered {@code Content-Type: api/response} with the body scripted by
 * {@link #answer(String, String)} (longest matching prefix wins; default {@value #DEFAULT_REPLY} with its line feed,
 * as {@code uuid_kill} and friends answer), strictly in order, one at a time per connection, as FreeSWITCH runs
 * {@code api} commands on the socket's own thread. With {@link #trackChannels()} it also knows which calls exist
 * ({@code -ERR No such channel!} for others) and hangs up the ones it is told to {@code uuid_kill}.</li>
 * <li>{@code exit} gets {@code +OK bye} and a disconnect notice; unknown commands {@code -ERR command not found}.
 * {@link #denyByAcl(boolean)} turns connections away with {@code text/rude-rejection}.</li>
 * </ul>
 * Every command block received is recorded with its time ({@link #commands()}, {@link #apiCommands()},
 * {@link #awaitApiCommand(Predicate, Duration)}). Events are pushed with {@link #emitHangup(String, String)},
 * {@link #emitAudioStreamPlay(String, String, int)}, {@link #emitAudioStreamEvent(String, String, String)} or
 * {@link #emit(Map)}; connections are cut with {@link #dropConnections()} or {@link #disconnectAll()}.
 * <p>
 * Use it with try-with-resources: {@code try (var esl = FakeFreeSwitchEsl.start()) { ... esl.port() ... }}.
 */
public final class FakeFreeSwitchEsl implements AutoCloseable {

	/** The stock password in FreeSWITCH's {@code event_socket.conf.xml}. */
	public static final String DEFAULT_PASSWORD = "ClueCon";

	/** What {@code api} commands get unless scripted otherwise. */
	public static final String DEFAULT_REPLY = "+OK\n";

	/** What FreeSWITCH answers to a {@code uuid_*} command for a channel that does not exist. */
	public static final String NO_SUCH_CHANNEL = "-ERR No such channel!\n";

	/** The body FreeSWITCH puts in {@code text/disconnect-notice}. */
	public static final String DISCONNECT_NOTICE = "Disconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n";

	private static final String CORE_UUID = "b1c3b2e8-2f1e-4f6e-9d84-0f0c0a0b0c0d";

	private static final DateTimeFormatter LOCAL_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter GMT_DATE = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	private final ServerSocket server;

	private final List<Connection> connections = new CopyOnWriteArrayList<>();

	private final List<ReceivedCommand> commands = new CopyOnWriteArrayList<>();

	private final Map<String, Reply> replies = new ConcurrentHashMap<>();

	private final AtomicLong eventSequence = new AtomicLong(1000);

	private final AtomicLong accepted = new AtomicLong();

	private final Set<String> liveChannels = ConcurrentHashMap.newKeySet();

	private volatile boolean trackChannels;

	private volatile boolean denyByAcl;

	private volatile String password;

	private volatile boolean closed;

	private FakeFreeSwitchEsl(String password) throws IOException {
		this.password = password;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::acceptLoop, "fake-esl-accept-" + this.server.getLocalPort());
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Starts a fake on a free port accepting {@value #DEFAULT_PASSWORD}. */
	public static FakeFreeSwitchEsl start() {
		return start(DEFAULT_PASSWORD);
	}

	/** Starts a fake on a free port accepting only that password. */
	public static FakeFreeSwitchEsl start(String password) {
		try {
			return new FakeFreeSwitchEsl(password);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String host() {
		return "127.0.0.1";
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** Changes the password accepted from now on (existing connections stay); a client with another one is refused. */
	public FakeFreeSwitchEsl password(String password) {
		this.password = password;
		return this;
	}

	/**
	 * Refuses new connections as an {@code apply-inbound-acl} that does not list the client does:
	 * {@code text/rude-rejection} ({@code Access Denied, go away.}), a disconnect notice, close.
	 */
	public FakeFreeSwitchEsl denyByAcl(boolean deny) {
		this.denyByAcl = deny;
		return this;
	}

	/**
	 * Scripts the reply to every {@code api} command starting with {@code commandPrefix}, e.g.
	 * {@code answer("uuid_kill 0000", "-ERR No such channel!\n")}. The longest matching prefix wins.
	 */
	public FakeFreeSwitchEsl answer(String commandPrefix, String body) {
		return answer(commandPrefix, body, Duration.ZERO);
	}

	/** As {@link #answer(String, String)}, replying only after {@code delay}, during which that socket reads nothing. */
	public FakeFreeSwitchEsl answer(String commandPrefix, String body, Duration delay) {
		this.replies.put(commandPrefix, new Reply(body, delay));
		return this;
	}

	/**
	 * Behaves like a FreeSWITCH with real channels: {@code uuid_*} commands for a UUID not added with
	 * {@link #addChannel(String)} answer {@value #NO_SUCH_CHANNEL} (unless scripted with {@link #answer}), and
	 * {@code uuid_kill} of a live channel answers {@code +OK}, then fires {@code CHANNEL_HANGUP} and
	 * {@code CHANNEL_HANGUP_COMPLETE} ({@code NORMAL_CLEARING}) and forgets the channel.
	 */
	public FakeFreeSwitchEsl trackChannels() {
		this.trackChannels = true;
		return this;
	}

	/** A live call, for {@link #trackChannels()}. */
	public FakeFreeSwitchEsl addChannel(String callUuid) {
		this.liveChannels.add(callUuid);
		return this;
	}

	/** Whether the channel is still live (added and not killed or hung up with {@link #emitHangupComplete}). */
	public boolean isLive(String callUuid) {
		return this.liveChannels.contains(callUuid);
	}

	/** Every command block received on any connection, in arrival order, {@code auth} included. */
	public List<ReceivedCommand> commands() {
		return List.copyOf(this.commands);
	}

	/** The {@code api} commands received, without the {@code api } prefix, in arrival order. */
	public List<String> apiCommands() {
		return this.commands.stream()
			.filter((command) -> command.line().startsWith("api "))
			.map((command) -> command.line().substring(4))
			.toList();
	}

	/** Waits for an {@code api} command (without its {@code api } prefix) that matches; returns its record. */
	public ReceivedCommand awaitApiCommand(Predicate<String> matching, Duration timeout) {
		return awaitCommand((command) -> command.line().startsWith("api ") && matching.test(command.line().substring(4)),
				timeout);
	}

	/** Waits for any command block whose first line matches. */
	public ReceivedCommand awaitCommand(Predicate<ReceivedCommand> matching, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			for (ReceivedCommand command : this.commands) {
				if (matching.test(command)) {
					return command;
				}
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("fake ESL: no matching command within " + timeout + "; received "
						+ this.commands.stream().map(ReceivedCommand::line).toList());
			}
			pause();
		}
	}

	/** Connections accepted since start, including refused and dropped ones. */
	public long acceptedConnections() {
		return this.accepted.get();
	}

	/** Waits until {@code count} connections in total have subscribed to events (so emitted events are delivered). */
	public void awaitSubscriptions(int count, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (this.commands.stream().filter((command) -> command.line().startsWith("event ")).count() < count
				|| this.connections.stream().noneMatch(Connection::subscribed)) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("fake ESL: fewer than " + count + " subscriptions within " + timeout
						+ "; received " + this.commands.stream().map(ReceivedCommand::line).toList());
			}
			pause();
		}
	}

	/** {@code CHANNEL_HANGUP} for the call, with {@code Hangup-Cause} (e.g. {@code NORMAL_CLEARING}). */
	public void emitHangup(String callUuid, String cause) {
		emit(channelEvent("CHANNEL_HANGUP", callUuid, Map.of("Hangup-Cause", cause, "variable_hangup_cause", cause,
				"Channel-State", "CS_HANGUP", "Answer-State", "hangup")));
	}

	/** {@code CHANNEL_HANGUP_COMPLETE} for the call, with the cause and a zero {@code variable_billsec}. */
	public void emitHangupComplete(String callUuid, String cause) {
		this.liveChannels.remove(callUuid);
		emit(channelEvent("CHANNEL_HANGUP_COMPLETE", callUuid, Map.of("Hangup-Cause", cause,
				"variable_hangup_cause", cause, "variable_billsec", "0", "Channel-State", "CS_REPORTING")));
	}

	/**
	 * {@code mod_audio_stream::play} as the community module fires it after writing a {@code streamAudio} chunk to a
	 * file: body {@code {"audioDataType":"raw","sampleRate":<rate>,"file":"<path>"}}.
	 */
	public void emitAudioStreamPlay(String callUuid, String file, int sampleRate) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("audioDataType", "raw");
		body.put("sampleRate", sampleRate);
		body.put("file", file);
		emitAudioStreamEvent(callUuid, "play", JsonMapper.shared().writeValueAsString(body));
	}

	/**
	 * A {@code CUSTOM} {@code mod_audio_stream::<kind>} event ({@code connect}, {@code disconnect}, {@code error},
	 * {@code json}, {@code play}) with that body, e.g. {@code {"status":"connected"}}.
	 */
	public void emitAudioStreamEvent(String callUuid, String kind, String body) {
		Map<String, String> headers = channelEvent("CUSTOM", callUuid, Map.of("Event-Subclass", "mod_audio_stream::" + kind));
		headers.put("Content-Length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
		headers.put("_body", body);
		emit(headers);
	}

	/**
	 * Sends an event, given as FreeSWITCH's JSON form (header → value, body under {@code _body}), to every
	 * connection subscribed to its {@code Event-Name} (or, for {@code CUSTOM}, its {@code Event-Subclass}).
	 */
	public void emit(Map<String, String> headers) {
		String json = JsonMapper.shared().writeValueAsString(headers);
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		byte[] head = ("Content-Length: " + body.length + "\nContent-Type: text/event-json\n\n")
			.getBytes(StandardCharsets.UTF_8);
		for (Connection connection : this.connections) {
			if (connection.wants(headers.get("Event-Name"), headers.get("Event-Subclass"))) {
				connection.write(head, body);
			}
		}
	}

	/** Cuts every connection at once, without a disconnect notice, as a crashed or restarted FreeSWITCH would. */
	public void dropConnections() {
		for (Connection connection : this.connections) {
			connection.close();
		}
	}

	/** Sends {@code text/disconnect-notice} on every connection, then closes them, as FreeSWITCH does at shutdown. */
	public void disconnectAll() {
		for (Connection connection : this.connections) {
			connection.disconnect();
		}
	}

	@Override
	public void close() {
		this.closed = true;
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		dropConnections();
	}

	/**
	 * One command block as received.
	 *
	 * @param at wall-clock arrival time
	 * @param nanoTime {@link System#nanoTime()} at arrival, for intervals
	 * @param line the first line, e.g. {@code api uuid_kill <uuid>} or {@code auth ClueCon}
	 * @param headers the header lines after it (e.g. {@code Job-UUID}), usually none
	 */
	public record ReceivedCommand(Instant at, long nanoTime, String line, Map<String, String> headers) {
	}

	private Map<String, String> channelEvent(String name, String callUuid, Map<String, String> extra) {
		Instant now = Instant.now();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Event-Name", name);
		headers.put("Core-UUID", CORE_UUID);
		headers.put("FreeSWITCH-Hostname", "fake-freeswitch");
		headers.put("FreeSWITCH-Switchname", "fake-freeswitch");
		headers.put("FreeSWITCH-IPv4", "127.0.0.1");
		headers.put("Event-Date-Local", LOCAL_DATE.format(now));
		headers.put("Event-Date-GMT", GMT_DATE.format(now));
		headers.put("Event-Date-Timestamp", Long.toString(now.toEpochMilli() * 1000));
		headers.put("Event-Calling-File", "CUSTOM".equals(name) ? "mod_audio_stream.c" : "switch_channel.c");
		headers.put("Event-Calling-Function", "CUSTOM".equals(name) ? "responseHandler" : "switch_channel_perform_hangup");
		headers.put("Event-Calling-Line-Number", "123");
		headers.put("Event-Sequence", Long.toString(this.eventSequence.incrementAndGet()));
		headers.put("Unique-ID", callUuid);
		headers.put("Channel-Call-UUID", callUuid);
		headers.put("Caller-Caller-ID-Number", "+4930123456");
		headers.put("Caller-Destination-Number", "8000");
		headers.put("Caller-Context", "demo.voice-ai.local");
		headers.put("variable_domain_name", "demo.voice-ai.local");
		headers.putAll(extra);
		return headers;
	}

	private Reply replyFor(String command) {
		Reply best = null;
		int bestLength = -1;
		for (Map.Entry<String, Reply> entry : this.replies.entrySet()) {
			if (command.startsWith(entry.getKey()) && entry.getKey().length() > bestLength) {
				best = entry.getValue();
				bestLength = entry.getKey().length();
			}
		}
		if (best != null) {
			return best;
		}
		if (this.trackChannels && command.startsWith("uuid_")) {
			String[] words = command.split(" +");
			if (words.length < 2 || !this.liveChannels.contains(words[1])) {
				return new Reply(NO_SUCH_CHANNEL, Duration.ZERO);
			}
		}
		return new Reply(DEFAULT_REPLY, Duration.ZERO);
	}

	/** What FreeSWITCH does after answering: a killed channel hangs up. */
	private void afterReply(String command) {
		if (this.trackChannels && command.startsWith("uuid_kill ")) {
			String callUuid = command.split(" +")[1];
			if (this.liveChannels.contains(callUuid)) {
				emitHangup(callUuid, "NORMAL_CLEARING");
				emitHangupComplete(callUuid, "NORMAL_CLEARING");
			}
		}
	}

	private void acceptLoop() {
		while (!this.closed) {
			try {
				Socket socket = this.server.accept();
				this.accepted.incrementAndGet();
				Connection connection = new Connection(socket);
				this.connections.add(connection);
				Thread reader = new Thread(connection::serve, "fake-esl-conn-" + socket.getPort());
				reader.setDaemon(true);
				reader.start();
			}
			catch (IOException ex) {
				// server closed
			}
		}
	}

	private static void pause() {
		try {
			Thread.sleep(5);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private record Reply(String body, Duration delay) {
	}

	/** One client connection: a reader thread runs {@link #serve()}; writes from any thread are serialised. */
	private final class Connection {

		private final Socket socket;

		private final OutputStream out;

		private final Set<String> events = ConcurrentHashMap.newKeySet();

		private final Set<String> subclasses = ConcurrentHashMap.newKeySet();

		private volatile boolean authenticated;

		private volatile boolean all;

		Connection(Socket socket) throws IOException {
			this.socket = socket;
			this.socket.setTcpNoDelay(true);
			this.out = socket.getOutputStream();
		}

		boolean subscribed() {
			return this.all || !this.events.isEmpty();
		}

		boolean wants(String name, String subclass) {
			if (!this.authenticated) {
				return false;
			}
			if (this.all) {
				return true;
			}
			if ("CUSTOM".equals(name)) {
				return this.events.contains("CUSTOM") && subclass != null && this.subclasses.contains(subclass);
			}
			return this.events.contains(name);
		}

		void serve() {
			try (this.socket) {
				if (FakeFreeSwitchEsl.this.denyByAcl) {
					byte[] message = "Access Denied, go away.\n".getBytes(StandardCharsets.UTF_8);
					write(("Content-Type: text/rude-rejection\nContent-Length: " + message.length + "\n\n")
						.getBytes(StandardCharsets.UTF_8), message);
					disconnect();
					return;
				}
				writeText("Content-Type: auth/request\n\n");
				InputStream in = new BufferedInputStream(this.socket.getInputStream());
				while (!this.socket.isClosed()) {
					ReceivedCommand command = readCommand(in);
					if (command == null) {
						return;
					}
					FakeFreeSwitchEsl.this.commands.add(command);
					if (!handle(command)) {
						return;
					}
				}
			}
			catch (IOException ex) {
				// client went away or we dropped it
			}
			finally {
				FakeFreeSwitchEsl.this.connections.remove(this);
			}
		}

		/** Answers one command; false when the connection is to be closed. */
		private boolean handle(ReceivedCommand command) throws IOException {
			String line = command.line();
			if (line.startsWith("exit")) {
				reply("+OK bye");
				disconnect();
				return false;
			}
			if (!this.authenticated) {
				if (line.equals("auth " + FakeFreeSwitchEsl.this.password)) {
					this.authenticated = true;
					reply("+OK accepted");
					return true;
				}
				if (line.startsWith("auth ")) {
					reply("-ERR invalid");
					disconnect();
					return false;
				}
				reply("-ERR command not found");
				return true;
			}
			if (line.startsWith("api ")) {
				Reply reply = replyFor(line.substring(4));
				if (!reply.delay().isZero()) {
					sleep(reply.delay());
				}
				byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
				write(("Content-Type: api/response\nContent-Length: " + body.length + "\n\n")
					.getBytes(StandardCharsets.UTF_8), body);
				afterReply(line.substring(4));
				return true;
			}
			if (line.startsWith("event ")) {
				return subscribe(line.substring(6).trim().split(" +"));
			}
			reply("-ERR command not found");
			return true;
		}

		private boolean subscribe(String[] words) throws IOException {
			if (!"json".equals(words[0])) {
				reply("-ERR this fake renders only json events");
				return true;
			}
			boolean custom = false;
			for (int i = 1; i < words.length; i++) {
				if (custom) {
					this.subclasses.add(words[i]);
				}
				else if ("ALL".equals(words[i])) {
					this.all = true;
				}
				else {
					this.events.add(words[i]);
					custom = "CUSTOM".equals(words[i]);
				}
			}
			reply("+OK event listener enabled json");
			return true;
		}

		private void reply(String text) throws IOException {
			writeText("Content-Type: command/reply\nReply-Text: " + text + "\n\n");
		}

		void disconnect() {
			byte[] body = DISCONNECT_NOTICE.getBytes(StandardCharsets.UTF_8);
			write(("Content-Type: text/disconnect-notice\nContent-Length: " + body.length + "\n\n")
				.getBytes(StandardCharsets.UTF_8), body);
			close();
		}

		void close() {
			try {
				this.socket.close();
			}
			catch (IOException ex) {
				// already closed
			}
		}

		private void writeText(String text) {
			write(text.getBytes(StandardCharsets.UTF_8), new byte[0]);
		}

		void write(byte[] head, byte[] body) {
			synchronized (this.out) {
				try {
					this.out.write(head);
					this.out.write(body);
					this.out.flush();
				}
				catch (SocketException ex) {
					// connection gone; the reader thread cleans up
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}

		/** Reads one command block (lines up to an empty line, then a Content-Length body if announced). */
		private ReceivedCommand readCommand(InputStream in) throws IOException {
			List<String> lines = new ArrayList<>();
			while (true) {
				String line = readLine(in);
				if (line == null) {
					return null;
				}
				if (line.isEmpty()) {
					if (lines.isEmpty()) {
						continue;
					}
					break;
				}
				lines.add(line);
			}
			Instant at = Instant.now();
			long nanoTime = System.nanoTime();
			Map<String, String> headers = new LinkedHashMap<>();
			for (String header : lines.subList(1, lines.size())) {
				int colon = header.indexOf(':');
				if (colon > 0) {
					headers.put(header.substring(0, colon), header.substring(colon + 1).strip());
				}
			}
			String length = headers.get("Content-Length");
			if (length != null) {
				in.readNBytes(Integer.parseInt(length));
			}
			return new ReceivedCommand(at, nanoTime, lines.get(0), headers);
		}

		private static String readLine(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) != -1) {
				if (b == '\n') {
					return line.toString(StandardCharsets.UTF_8);
				}
				line.write(b);
			}
			return null;
		}

		private static void sleep(Duration delay) {
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
