package org.voiceai.providers.manager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.voiceai.providers.ProviderContext;
import org.voiceai.providers.ProviderRegistry;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.error.ProviderBadRequestException;
import org.voiceai.providers.error.ProviderTimeoutException;
import org.voiceai.tenant.DomainId;

/**
 * Hands out provider instances per FusionPBX domain, and runs provider calls with failover.
 * <p>
 * Selection: the requested row (by name or UUID) first, then the domain's other enabled rows of the type, default
 * first, then by priority. Rows are read from the database and cached for a short TTL
 * ({@code voice-ai.providers.cache-ttl}), so edits made in FusionPBX or by another instance take effect within it;
 * {@link #invalidate} makes this instance's own edits take effect at once. Instances are cached per row and rebuilt
 * when the row's name or config changes. Each (domain, row) has its own circuit breaker.
 */
public class ProviderManager {

	private static final Logger logger = LoggerFactory.getLogger(ProviderManager.class);

	private final ProviderRowRepository repository;

	private final ProviderRegistry registry;

	private final ProviderInstances instances;

	private final ProviderCircuitBreakers breakers;

	private final Duration cacheTtl;

	private final Duration attemptTimeout;

	private final ConcurrentMap<RowsKey, Mono<List<ProviderRow>>> rows = new ConcurrentHashMap<>();

	public ProviderManager(ProviderRowRepository repository, ProviderRegistry registry, ProviderInstances instances,
			ProviderCircuitBreakers breakers, Duration cacheTtl, Duration attemptTimeout) {
		this.repository = repository;
		this.registry = registry;
		this.instances = instances;
		this.breakers = breakers;
		this.cacheTtl = cacheTtl;
		this.attemptTimeout = attemptTimeout;
	}

	/**
	 * The first usable provider for the selection.
	 * @return the provider, or an error: {@link NoUsableProviderException} when none is configured or usable
	 */
	public <T> Mono<ResolvedProvider<T>> resolve(DomainId domain, ProviderType<T> type, ProviderSelector selector) {
		return candidates(domain, type, selector, (row) -> true).map((candidates) -> candidates.usable().get(0));
	}

	/**
	 * Runs {@code call} on the selected provider, falling over to the next candidate when it fails with anything but
	 * a bad request, when it times out, or when its circuit breaker is open.
	 * @return the call's result, or {@link NoUsableProviderException} / {@link ProvidersExhaustedException}, or the
	 * {@link ProviderBadRequestException} that no other provider would answer differently
	 */
	public <T, R> Mono<R> execute(DomainId domain, ProviderType<T> type, ProviderSelector selector,
			Function<ResolvedProvider<T>, Mono<R>> call) {
		return execute(domain, type, selector, (row) -> true, call);
	}

	/**
	 * Like {@link #execute(DomainId, ProviderType, ProviderSelector, Function)}, over only the candidates that
	 * {@code eligible} accepts: a call that falls over mid-way tries each row at most once.
	 * @return as above; {@link NoUsableProviderException} also when no usable candidate is eligible
	 */
	public <T, R> Mono<R> execute(DomainId domain, ProviderType<T> type, ProviderSelector selector,
			Predicate<ProviderContext> eligible, Function<ResolvedProvider<T>, Mono<R>> call) {
		return candidates(domain, type, selector, eligible)
			.flatMap((candidates) -> attempt(domain, type, candidates.usable(), 0, call, new ArrayList<>(), null));
	}

	/** Forgets the cached rows of a domain so this instance's own edits take effect now. */
	public void invalidate(DomainId domain) {
		this.rows.keySet().removeIf((key) -> key.domain().equals(domain));
	}

	private <T, R> Mono<R> attempt(DomainId domain, ProviderType<T> type, List<ResolvedProvider<T>> providers, int index,
			Function<ResolvedProvider<T>, Mono<R>> call, List<String> failures, Throwable last) {
		if (index >= providers.size()) {
			return Mono.error(new ProvidersExhaustedException(domain, type, failures, last));
		}
		ResolvedProvider<T> provider = providers.get(index);
		return Mono.defer(() -> call.apply(provider))
			.timeout(this.attemptTimeout)
			.onErrorMap(TimeoutException.class, (ex) -> new ProviderTimeoutException(provider.providerName(),
					"no answer within " + this.attemptTimeout.toMillis() + " ms", ex))
			.transformDeferred(CircuitBreakerOperator.of(this.breakers.forProvider(provider.context())))
			.onErrorResume((error) -> !(error instanceof ProviderBadRequestException), (error) -> {
				String reason = provider.context().describe() + ": " + describe(error);
				failures.add(reason);
				if (index + 1 < providers.size()) {
					logger.warn("Falling over to the next {} provider after {}", type, reason);
				}
				return attempt(domain, type, providers, index + 1, call, failures, error);
			});
	}

	private <T> Mono<Candidates<T>> candidates(DomainId domain, ProviderType<T> type, ProviderSelector selector,
			Predicate<ProviderContext> eligible) {
		return rows(domain, type).map((rows) -> {
			List<ProviderRow> ordered = order(domain, type, selector, rows);
			List<ResolvedProvider<T>> usable = new ArrayList<>();
			List<String> problems = new ArrayList<>();
			for (ProviderRow row : ordered) {
				ProviderInstances.Built built = this.instances.get(row, type);
				if (built.usable() && !eligible.test(built.context())) {
					problems.add(built.context().describe() + ": already tried");
				}
				else if (built.usable()) {
					usable.add(new ResolvedProvider<>(built.context(), row.displayName(),
							type.instanceType().cast(built.instance())));
				}
				else {
					problems.add(built.failure().getMessage());
				}
			}
			if (usable.isEmpty()) {
				throw new NoUsableProviderException(domain, type, problems);
			}
			return new Candidates<>(usable);
		});
	}

	private List<ProviderRow> order(DomainId domain, ProviderType<?> type, ProviderSelector selector,
			List<ProviderRow> rows) {
		List<ProviderRow> wanted = List.of();
		if (selector instanceof ProviderSelector.ById byId) {
			wanted = rows.stream().filter((row) -> row.uuid().equals(byId.uuid())).toList();
			if (wanted.isEmpty()) {
				logger.warn("{} provider row {} is missing or disabled in domain {}; using the domain's default", type,
						byId.uuid(), domain);
			}
		}
		else if (selector instanceof ProviderSelector.ByName byName) {
			String name = this.registry.canonicalName(type, byName.name());
			wanted = rows.stream()
				.filter((row) -> this.registry.canonicalName(type, row.providerName()).equals(name))
				.toList();
			if (wanted.isEmpty()) {
				throw new NoUsableProviderException(domain, type, List.of("no enabled " + type + " provider named '"
						+ byName.name().toLowerCase(Locale.ROOT) + "' (configured: " + names(rows) + ")"));
			}
		}
		List<ProviderRow> ordered = new ArrayList<>(wanted);
		rows.stream().filter((row) -> !ordered.contains(row)).forEach(ordered::add);
		return ordered;
	}

	private static String names(List<ProviderRow> rows) {
		return rows.isEmpty() ? "none"
				: String.join(", ", rows.stream().map(ProviderRow::providerName).distinct().toList());
	}

	private Mono<List<ProviderRow>> rows(DomainId domain, ProviderType<?> type) {
		return this.rows.computeIfAbsent(new RowsKey(domain, type),
				(key) -> this.repository.findEnabled(domain, type)
					.collectList()
					.cache((loaded) -> this.cacheTtl, (error) -> Duration.ZERO, () -> Duration.ZERO));
	}

	private static String describe(Throwable error) {
		if (error instanceof CallNotPermittedException) {
			return "circuit breaker open";
		}
		String message = error.getMessage();
		return error.getClass().getSimpleName() + ((message != null) ? " (" + message + ")" : "");
	}

	private record RowsKey(DomainId domain, ProviderType<?> type) {
	}

	private record Candidates<T>(List<ResolvedProvider<T>> usable) {
	}

}
