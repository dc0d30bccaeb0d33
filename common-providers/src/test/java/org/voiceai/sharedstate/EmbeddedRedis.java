package org.voiceai.sharedstate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/** A real Redis 7 server on a free local port, for tests (of this package and of its users) that must see real Redis semantics (scripts, PEXPIRE). */
public final class EmbeddedRedis implements AutoCloseable {

	private final RedisServer server;

	private final int port;

	private EmbeddedRedis(RedisServer server, int port) {
		this.server = server;
		this.port = port;
	}

	public static EmbeddedRedis start() {
		int port = freePort();
		RedisServer server = RedisServer.builder()
			.port(port)
			// No persistence: nothing written to disk, nothing to clean up, faster shutdown.
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
		server.start();
		return new EmbeddedRedis(server, port);
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return port;
	}

	public String url() {
		return "redis://127.0.0.1:" + port + "/0";
	}

	@Override
	public void close() {
		server.stop();
	}
}
