package org.voiceai.realtime.call;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;

import org.voiceai.calls.ConcurrentCalls;
import org.voiceai.database.SqlBooleans;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.providers.manager.ProviderSelector;
import org.voiceai.providers.realtime.RealtimeSessionSpec;
import org.voiceai.realtime.config.RealtimeProperties;
import org.voiceai.realtime.playback.PlaybackSink;
import org.voiceai.realtime.record.CallLog;
import org.voiceai.realtime.record.CallRecorder;
import org.voiceai.realtime.stream.StreamCloseCodes;
import org.voiceai.realtime.stream.StreamMetadata;
import org.voiceai.realtime.stream.StreamRefusedException;
import org.voiceai.realtime.stream.StreamRequest;
import org.voiceai.realtime.tool.ToolRegistry;
import org.voiceai.tenant.DomainId;
import org.voiceai.tenant.Secretary;
import org.voiceai.tenant.SecretaryRepository;

/**
 * Turns an accepted stream into a running {@link CallSession}: checks the domain and the secretary (scoped to the
 * call's domain), the domain's concurrent-call limit, and opens the secretary's realtime provider with failover to
 * the domain's other realtime rows, through the call's {@link ProviderFailover} (which later moves the call to the
 * next of them if its provider fails mid-call). Each refusal carries its own close code.
 */
public class CallSessionFactory {

	private static final Logger logger = LoggerFactory.getLogger(CallSessionFactory.class);

	private final DatabaseClient database;

	private final SecretaryRepository secretaries;

	private final ProviderManager providers;

	private final ConcurrentCalls admission;

	private final ToolRegistry tools;

	private final CallRecorder recorder;

	private final CallMetrics metrics;

	private final Speech speech;

	private final BridgePhrases phrases;

	private final CallControls controls;

	private final InstructionsBuilder instructions;

	private final RealtimeProperties properties;

	private final Clock clock;

	private final LongSupplier nanoClock;

	public CallSessionFactory(DatabaseClient database, SecretaryRepository secretaries, ProviderManager providers,
			ConcurrentCalls admission, ToolRegistry tools, CallRecorder recorder, CallMetrics metrics, Speech speech,
			BridgePhrases phrases, CallControls controls, InstructionsBuilder instructions, RealtimeProperties properties, Clock clock,
			LongSupplier nanoClock) {
		this.database = database;
		this.secretaries = secretaries;
		this.providers = providers;
		this.admission = admission;
		this.tools = tools;
		this.recorder = recorder;
		this.metrics = metrics;
		this.speech = speech;
		this.phrases = phrases;
		this.controls = controls;
		this.instructions = instructions;
		this.properties = properties;
		this.clock = clock;
		this.nanoClock = nanoClock;
	}

	/**
	 * Opens the call. Errors with {@link StreamRefusedException} for a refusal the caller's FreeSWITCH should see.
	 * @param sinkFactory builds the playback sink once the call's facts are known
	 * @param onFinished runs once when the call has ended
	 */
	public Mono<CallSession> open(StreamRequest request, StreamMetadata metadata,
			Function<CallContext, PlaybackSink> sinkFactory, Consumer<CallSession> onFinished) {
		DomainId domain = request.domain();
		return domainName(domain).flatMap((domainName) -> secretary(request).flatMap((secretary) -> this.admission
			.admit(domain.value(), request.call())
			.flatMap((admission) -> {
				if (!admission.admitted()) {
					return Mono.error(new StreamRefusedException(StreamCloseCodes.TOO_MANY_CALLS, "domain "
							+ domain.value() + " is at its limit of " + admission.limit() + " concurrent calls"));
				}
				return connect(request, metadata, secretary, domainName, sinkFactory, onFinished)
					.onErrorResume((error) -> this.admission.release(domain.value(), request.call())
						.then(Mono.error(error)));
			})));
	}

	private Mono<CallSession> connect(StreamRequest request, StreamMetadata metadata, Secretary secretary,
			String domainName, Function<CallContext, PlaybackSink> sinkFactory,
			Consumer<CallSession> onFinished) {
		RealtimeSessionSpec spec = new RealtimeSessionSpec(this.instructions.build(secretary), null,
				secretary.language(), request.callerFormat(), this.tools.specifications());
		ProviderSelector selector = ProviderSelector.byId(secretary.providers().realtime());
		ProviderFailover failover = new ProviderFailover((session, eligible, attempting) -> this.providers
			.execute(request.domain(), ProviderType.REALTIME, selector, (row) -> eligible.test(row.providerUuid()),
					(provider) -> {
						attempting.accept(provider.context().providerUuid());
						return provider.instance()
							.open(session)
							.timeout(this.properties.providerConnectTimeout())
							.map((conversation) -> new ProviderFailover.Opened(provider.context().providerUuid(),
									provider.providerName(), conversation));
					}), spec, this.speech, this.phrases, this.metrics);
		return failover.first()
			.onErrorMap((error) -> !(error instanceof StreamRefusedException), (error) -> {
				logger.warn("No realtime provider for call {} of domain {}: {}", request.call(),
						request.domain().value(), error.getMessage());
				return new StreamRefusedException(StreamCloseCodes.PROVIDER_UNAVAILABLE,
						"realtime provider unavailable");
			})
			.map((opened) -> {
				CallContext context = new CallContext(request, metadata, secretary, domainName, opened.provider(),
						this.clock.instant());
				CallSession[] self = new CallSession[1];
				CallSession session = new CallSession(context, opened.conversation(), sinkFactory.apply(context),
						this.properties.pacing(), this.controls.forCall(request.call()), this.tools,
						new CallLog(this.recorder, context), this.metrics.call(context), failover,
						timeouts(secretary), this.nanoClock, () -> {
							this.admission.release(request.domain().value(), request.call()).subscribe();
							onFinished.accept(self[0]);
						});
				self[0] = session;
				return session;
			});
	}

	private CallTimeouts timeouts(Secretary secretary) {
		return new CallTimeouts(Duration.ofSeconds(Math.max(5, secretary.limits().idleTimeoutSeconds())),
				Duration.ofSeconds(Math.max(30, secretary.limits().maxDurationSeconds())),
				this.properties.actionTimeout());
	}

	private Mono<String> domainName(DomainId domain) {
		return this.database
			.sql("SELECT domain_name, domain_enabled::text AS enabled FROM v_domains WHERE domain_uuid = :domain")
			.bind("domain", domain.value())
			.map((row, metadata) -> SqlBooleans.parse(row.get("enabled", String.class), true)
					? row.get("domain_name", String.class) : "")
			.one()
			.filter((name) -> !name.isEmpty())
			.switchIfEmpty(Mono.error(() -> new StreamRefusedException(StreamCloseCodes.FOREIGN_DOMAIN,
					"domain " + domain.value() + " is unknown or disabled")));
	}

	private Mono<Secretary> secretary(StreamRequest request) {
		return this.secretaries.find(request.domain(), request.secretary())
			.switchIfEmpty(Mono.defer(() -> ownerOf(request.secretary()).flatMap((owner) -> Mono.<Secretary>error(
					owner.equals(request.domain().value())
							? new StreamRefusedException(StreamCloseCodes.UNKNOWN_SECRETARY, "secretary is disabled")
							: new StreamRefusedException(StreamCloseCodes.FOREIGN_DOMAIN,
									"secretary belongs to another domain")))
				.switchIfEmpty(Mono.error(() -> new StreamRefusedException(StreamCloseCodes.UNKNOWN_SECRETARY,
						"unknown secretary " + request.secretary())))));
	}

	private Mono<UUID> ownerOf(UUID secretary) {
		return this.database.sql("SELECT domain_uuid FROM v_voice_secretaries WHERE voice_secretary_uuid = :uuid")
			.bind("uuid", secretary)
			.map((row, metadata) -> row.get("domain_uuid", UUID.class))
			.one();
	}

}
