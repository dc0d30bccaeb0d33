package org.voiceai.sharedstate;

import java.time.Duration;
import java.util.function.Supplier;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A "redis" store whose ping does whatever a test needs; nothing else is expected to be called. */
final class PingStub implements SharedState {

	private final Supplier<Mono<Void>> ping;

	PingStub(Supplier<Mono<Void>> ping) {
		this.ping = ping;
	}

	@Override
	public Mono<Void> ping() {
		return ping.get();
	}

	@Override
	public String kind() {
		return "redis";
	}

	@Override
	public Mono<String> get(String key) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Mono<Void> put(String key, String value, Duration ttl) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Mono<Boolean> putIfAbsent(String key, String value, Duration ttl) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Mono<Boolean> delete(String key) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Mono<Long> increment(String key, Duration ttl) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Mono<Long> decrement(String key) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Mono<Long> append(String key, String value, Duration ttl) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Flux<String> range(String key, long start, long end) {
		throw new UnsupportedOperationException();
	}
}
