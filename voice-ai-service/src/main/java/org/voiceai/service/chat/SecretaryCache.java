package org.voiceai.service.chat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.voiceai.tenant.DomainId;
import org.voiceai.tenant.Secretary;
import org.voiceai.tenant.SecretaryRepository;
import org.voiceai.transfer.TransferDestination;
import org.voiceai.transfer.TransferDestinationRepository;

/**
 * A secretary with its transfer destinations, read from the database at most once per {@code ttl} for each
 * (domain, secretary): every turn of every call needs both, and they change only when an admin edits them, so an
 * edit reaches calls within {@code ttl}. Bounded: past {@value #MAX_ENTRIES} entries the cache starts over.
 */
class SecretaryCache {

	private static final int MAX_ENTRIES = 10_000;

	private final SecretaryRepository secretaries;

	private final TransferDestinationRepository destinations;

	private final Duration ttl;

	private final Map<Key, Mono<Optional<Setup>>> entries = new ConcurrentHashMap<>();

	SecretaryCache(SecretaryRepository secretaries, TransferDestinationRepository destinations, Duration ttl) {
		this.secretaries = secretaries;
		this.destinations = destinations;
		this.ttl = ttl;
	}

	/** The domain's enabled secretary and all its destinations (open or not); empty when there is no such secretary. */
	Mono<Setup> find(DomainId domain, UUID secretary) {
		if (this.ttl.isZero()) {
			return load(domain, secretary).flatMap(Mono::justOrEmpty);
		}
		if (this.entries.size() > MAX_ENTRIES) {
			this.entries.clear();
		}
		return this.entries
			.computeIfAbsent(new Key(domain, secretary), (key) -> load(domain, secretary).cache((found) -> this.ttl,
					(error) -> Duration.ZERO, () -> Duration.ZERO))
			.flatMap(Mono::justOrEmpty);
	}

	private Mono<Optional<Setup>> load(DomainId domain, UUID secretary) {
		return this.secretaries.find(domain, secretary)
			.flatMap((found) -> this.destinations.findForSecretary(domain, secretary)
				.collectList()
				.map((all) -> Optional.of(new Setup(found, all))))
			.defaultIfEmpty(Optional.empty());
	}

	/** What a turn needs to know about its secretary. */
	record Setup(Secretary secretary, List<TransferDestination> destinations) {
	}

	private record Key(DomainId domain, UUID secretary) {
	}

}
