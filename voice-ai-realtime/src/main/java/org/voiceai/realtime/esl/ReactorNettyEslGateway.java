package org.voiceai.realtime.esl;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.tcp.TcpClient;

/**
 * An inbound Event Socket client on Reactor Netty: one TCP connection to FreeSWITCH, authenticated with the password,
 * subscribed to {@link #SUBSCRIPTION}, re-established with capped exponential backoff whenever it fails or drops.
 * <p>
 * <b>Why our own client, not {@code link.thingscloud:freeswitch-esl}:</b> the protocol is small (header lines, an
 * empty line, a {@code Content-Length} body) and this client runs on the Reactor Netty the bridge already uses, so
 * nothing blocks a thread: commands return a {@link Mono} completed on the connection's event loop, events are a hot
 * {@link Flux}. The library brings its own Netty 4.1 expectations, logback at compile scope, blocking
 * {@code sendSyncApiCommand}, its own threads and reconnect policy, and a "not authed yet" window after open; we
 * would wrap all of that to get the same two methods.
 * <p>
 * <b>Replies are matched in order.</b> FreeSWITCH answers {@code api} commands on one socket strictly in the order it
 * received them (each runs to completion before the next is read), so one FIFO of outstanding commands pairs each
 * {@code api/response} with its command. The commands the bridge sends ({@code uuid_transfer}, {@code uuid_kill},
 * {@code uuid_broadcast}, {@code uuid_break}, {@code uuid_audio_stream}) return at once, so {@code bgapi} and its
 * {@code BACKGROUND_JOB} events would add a second message per command and gain nothing. A command whose reply is
 * late fails with a timeout but stays in the queue, so the late reply is consumed by it and the pairing stays right.
 * <p>
 * All per-connection state is touched only on that connection's event loop.
 */
public final class ReactorNettyEslGateway implements EslGateway, AutoCloseable {

	/** FreeSWITCH event names, then after {@code CUSTOM} the subclasses; see the ESL docs, §2.3. */
	public static final String SUBSCRIPTION = "event json CHANNEL_HANGUP CHANNEL_HANGUP_COMPLETE CUSTOM"
			+ " mod_audio_stream::connect mod_audio_stream::disconnect mod_audio_stream::error"
			+ " mod_audio_stream::json mod_audio_stream::play";

	private static final Logger logger = LoggerFactory.getLogger(ReactorNettyEslGateway.class);

	/** The backoff doubles per consecutive failure; beyond this many doublings it is at its cap anyway. */
	private static final int MAX_DOUBLINGS = 20;

	private final EslProperties properties;

	private final TcpClient tcpClient;

	private final Sinks.Many<EslEvent> events = Sinks.many().multicast().directBestEffort();

	private final AtomicReference<Session> ready = new AtomicReference<>();

	private final AtomicInteger consecutiveFailures = new AtomicInteger();

	private final AtomicInteger connects = new AtomicInteger();

	private volatile boolean started;

	private volatile boolean closed;

	private volatile String lastError = "not connected yet";

	private volatile Instant connectedSince;

	private volatile Disposable connecting;

	private volatile Disposable reconnect;

	private volatile Session session;

	public ReactorNettyEslGateway(EslProperties properties) {
		this.properties = properties;
		this.tcpClient = TcpClient.create()
			.host(properties.host())
			.port(properties.port())
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
			// The socket is idle between calls; keepalive lets the OS notice a FreeSWITCH host that vanished.
			.option(ChannelOption.SO_KEEPALIVE, true)
			.doOnConnected((connection) -> connection.addHandlerLast("esl-frames", new EslFrameDecoder()));
	}

	/** Starts connecting in the background; returns at once. Calling it again does nothing. */
	public synchronized void start() {
		if (this.started || this.closed) {
			return;
		}
		this.started = true;
		logger.info("ESL: connecting to FreeSWITCH at {}", this.properties.address());
		connect();
	}

	/** Closes the connection for good: pending commands fail, {@link #events()} completes. */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		dispose(this.reconnect);
		dispose(this.connecting);
		Session current = this.session;
		if (current != null) {
			current.close();
		}
		this.events.tryEmitComplete();
	}

	@Override
	public Mono<String> api(String command) {
		if (command == null || command.isBlank() || command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
			return Mono.error(new IllegalArgumentException("an ESL API command is one non-blank line, was: "
					+ ((command != null) ? command.replace("\r", "\\r").replace("\n", "\\n") : null)));
		}
		Duration timeout = this.properties.commandTimeout();
		return Mono.<String>create((sink) -> {
			Session current = this.ready.get();
			if (current == null || this.closed) {
				sink.error(notConnected(command));
			}
			else {
				current.send(new PendingCommand(command, sink));
			}
		})
			.timeout(timeout, Mono.error(() -> new EslCommandException(command,
					"no reply from FreeSWITCH to `" + command + "` within " + timeout.toMillis() + " ms")))
			.flatMap((body) -> isRefusal(body)
					? Mono.error(new EslCommandException(command, "FreeSWITCH refused `" + command + "`: " + body.strip()))
					: Mono.just(body));
	}

	@Override
	public Flux<EslEvent> events() {
		return this.events.asFlux();
	}

	@Override
	public boolean isConnected() {
		return this.ready.get() != null;
	}

	/** A snapshot for health reporting and logs. */
	public Status status() {
		boolean connected = isConnected();
		return new Status(this.properties.address(), connected, this.connectedSince, connected ? null : this.lastError,
				this.consecutiveFailures.get(), this.connects.get());
	}

	/**
	 * @param address {@code host:port}
	 * @param connected authenticated and subscribed
	 * @param connectedSince when the current connection became ready, {@code null} if never
	 * @param lastError why the gateway is not connected, {@code null} while it is
	 * @param consecutiveFailures failed attempts since the last successful connection
	 * @param connects how many times a connection became ready since start
	 */
	public record Status(String address, boolean connected, Instant connectedSince, String lastError,
			int consecutiveFailures, int connects) {
	}

	/** {@code -ERR ...}, and {@code -USAGE: ...} which FreeSWITCH answers to wrong arguments. */
	private static boolean isRefusal(String body) {
		return body.startsWith("-ERR") || body.startsWith("-USAGE");
	}

	private EslCommandException notConnected(String command) {
		return new EslCommandException(command, "ESL not connected to FreeSWITCH at " + this.properties.address()
				+ " (" + this.lastError + "); `" + command + "` not sent");
	}

	private void connect() {
		if (this.closed) {
			return;
		}
		Session attempt = new Session();
		this.session = attempt;
		this.connecting = this.tcpClient.connect()
			.subscribe(attempt::attach, (ex) -> failed("cannot connect: " + describe(ex), false));
	}

	private void becameReady(Session session) {
		this.consecutiveFailures.set(0);
		this.connectedSince = Instant.now();
		this.connects.incrementAndGet();
		this.ready.set(session);
		logger.info("ESL: connected to FreeSWITCH at {} and subscribed", this.properties.address());
	}

	private void lost(Session session) {
		this.ready.compareAndSet(session, null);
		this.connectedSince = null;
		failed("connection lost", false);
	}

	/** Records why we are not connected and schedules the next attempt after the backoff. */
	private void failed(String reason, boolean alreadyLogged) {
		this.lastError = reason;
		if (this.closed) {
			return;
		}
		int failures = this.consecutiveFailures.getAndIncrement();
		Duration delay = backoff(failures);
		if (!alreadyLogged) {
			logger.warn("ESL: FreeSWITCH at {}: {}; retrying in {} ms", this.properties.address(), reason,
					delay.toMillis());
		}
		else {
			logger.info("ESL: retrying {} in {} ms", this.properties.address(), delay.toMillis());
		}
		this.reconnect = Schedulers.parallel().schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
	}

	Duration backoff(int failures) {
		Duration min = this.properties.reconnectMinBackoff();
		Duration max = this.properties.reconnectMaxBackoff();
		Duration delay = min.multipliedBy(1L << Math.min(failures, MAX_DOUBLINGS));
		return (delay.compareTo(max) > 0) ? max : delay;
	}

	private void emit(EslEvent event) {
		// One connection at a time emits, from its event loop; the lock only guards the moment two overlap.
		synchronized (this.events) {
			this.events.tryEmitNext(event);
		}
	}

	private static String describe(Throwable ex) {
		String message = ex.getMessage();
		return (message != null) ? message : ex.getClass().getSimpleName();
	}

	private static void dispose(Disposable disposable) {
		if (disposable != null) {
			disposable.dispose();
		}
	}

	private enum State {

		CONNECTING, AWAITING_AUTH_REQUEST, AWAITING_AUTH_REPLY, AWAITING_SUBSCRIBE_REPLY, READY, CLOSED

	}

	/** An {@code api} command written to the socket and waiting for its {@code api/response}. */
	private record PendingCommand(String command, MonoSink<String> sink) {
	}

	/** One TCP connection from connect to close. Everything below runs on its channel's event loop. */
	private final class Session {

		private final Queue<PendingCommand> pending = new ArrayDeque<>();

		private volatile State state = State.CONNECTING;

		private volatile Connection connection;

		/** Set when the session already logged and scheduled its own retry (authentication refused). */
		private boolean failureReported;

		void attach(Connection connection) {
			this.connection = connection;
			Channel channel = connection.channel();
			channel.eventLoop().execute(() -> {
				if (ReactorNettyEslGateway.this.closed) {
					connection.dispose();
					return;
				}
				this.state = State.AWAITING_AUTH_REQUEST;
				connection.onDispose(() -> channel.eventLoop().execute(this::onClosed));
				connection.inbound()
					.receiveObject()
					.subscribe((message) -> onMessage((EslMessage) message), (ex) -> {
						logger.warn("ESL: unreadable data from FreeSWITCH at {}: {}",
								ReactorNettyEslGateway.this.properties.address(), describe(ex));
						connection.dispose();
					});
				channel.eventLoop().schedule(this::handshakeDeadline,
						ReactorNettyEslGateway.this.properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
			});
		}

		void close() {
			Connection current = this.connection;
			if (current != null) {
				current.dispose();
			}
		}

		void send(PendingCommand command) {
			Channel channel = this.connection.channel();
			try {
				channel.eventLoop().execute(() -> {
					if (this.state != State.READY) {
						command.sink().error(notConnected(command.command()));
						return;
					}
					this.pending.add(command);
					write("api " + command.command());
				});
			}
			catch (RejectedExecutionException ex) {
				command.sink().error(notConnected(command.command()));
			}
		}

		private void onMessage(EslMessage message) {
			String type = message.contentType();
			switch (type) {
				case "text/disconnect-notice" -> {
					logger.info("ESL: FreeSWITCH at {} is closing the event socket", address());
					return;
				}
				case "text/rude-rejection" -> {
					reject("refused the connection (" + message.body().strip()
							+ "); allow this host in event_socket.conf.xml apply-inbound-acl");
					return;
				}
				default -> {
				}
			}
			switch (this.state) {
				case AWAITING_AUTH_REQUEST -> {
					if ("auth/request".equals(type)) {
						this.state = State.AWAITING_AUTH_REPLY;
						write("auth " + ReactorNettyEslGateway.this.properties.password());
					}
					else {
						protocolError("expected auth/request, got " + type);
					}
				}
				case AWAITING_AUTH_REPLY -> {
					String reply = replyText(message);
					if (reply.startsWith("+OK")) {
						this.state = State.AWAITING_SUBSCRIBE_REPLY;
						write(SUBSCRIPTION);
					}
					else {
						reject("rejected the password (" + reply + "); check VOICE_AI_ESL_PASSWORD"
								+ " (voice-ai.esl.password) against event_socket.conf.xml");
					}
				}
				case AWAITING_SUBSCRIBE_REPLY -> {
					String reply = replyText(message);
					if (reply.startsWith("+OK")) {
						this.state = State.READY;
						becameReady(this);
					}
					else {
						reject("refused the event subscription (" + reply + ")");
					}
				}
				case READY -> onReadyMessage(type, message);
				default -> {
				}
			}
		}

		private void onReadyMessage(String type, EslMessage message) {
			switch (type) {
				case "api/response" -> {
					PendingCommand command = this.pending.poll();
					if (command == null) {
						logger.warn("ESL: api/response with no command waiting for it, ignored: {}", message.body().strip());
					}
					else {
						command.sink().success(message.body());
					}
				}
				case "text/event-json" -> {
					EslEvent event;
					try {
						event = EslEventJson.parse(message.body());
					}
					catch (IllegalArgumentException ex) {
						logger.warn("ESL: skipped an event: {}", ex.getMessage());
						return;
					}
					emit(event);
				}
				default -> logger.debug("ESL: ignored {} message", type);
			}
		}

		private void handshakeDeadline() {
			if (this.state != State.READY && this.state != State.CLOSED) {
				protocolError("no complete handshake within "
						+ ReactorNettyEslGateway.this.properties.connectTimeout().toMillis() + " ms (state " + this.state
						+ "); is this FreeSWITCH's event socket?");
			}
		}

		/** FreeSWITCH refused us: say so loudly, once per attempt, and retry with backoff. */
		private void reject(String reason) {
			logger.error("ESL: FreeSWITCH at {} {}", address(), reason);
			ReactorNettyEslGateway.this.lastError = reason;
			this.failureReported = true;
			this.connection.dispose();
		}

		private void protocolError(String reason) {
			ReactorNettyEslGateway.this.lastError = reason;
			logger.warn("ESL: FreeSWITCH at {}: {}", address(), reason);
			this.failureReported = true;
			this.connection.dispose();
		}

		private void onClosed() {
			if (this.state == State.CLOSED) {
				return;
			}
			boolean wasReady = this.state == State.READY;
			this.state = State.CLOSED;
			List<PendingCommand> orphans = List.copyOf(this.pending);
			this.pending.clear();
			for (PendingCommand command : orphans) {
				command.sink().error(new EslCommandException(command.command(),
						"ESL connection to " + address() + " closed before the reply to `" + command.command() + "`"));
			}
			if (wasReady) {
				lost(this);
			}
			else if (this.failureReported) {
				failed(ReactorNettyEslGateway.this.lastError, true);
			}
			else {
				failed("connection closed during the handshake", false);
			}
		}

		private void write(String line) {
			ByteBuf buffer = Unpooled.copiedBuffer(line + "\n\n", StandardCharsets.UTF_8);
			this.connection.channel().writeAndFlush(buffer).addListener((future) -> {
				if (!future.isSuccess()) {
					logger.warn("ESL: write to {} failed: {}", address(), describe(future.cause()));
					this.connection.dispose();
				}
			});
		}

		private String address() {
			return ReactorNettyEslGateway.this.properties.address();
		}

		private static String replyText(EslMessage message) {
			String reply = message.header("Reply-Text");
			return (reply != null) ? reply : "";
		}

	}

}
