package org.voiceai.realtime.esl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Status;

import org.voiceai.realtime.fakes.esl.FakeFreeSwitchEsl;
import org.voiceai.realtime.fakes.esl.FakeFreeSwitchEsl.ReceivedCommand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Reactor Netty ESL client against {@link FakeFreeSwitchEsl} over real TCP. */
class EslGatewayTest {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private static final String CALL = "6f1c2a1e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

	private final List<AutoCloseable> resources = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (int i = this.resources.size() - 1; i >= 0; i--) {
			this.resources.get(i).close();
		}
	}

	@Test
	void authenticatesThenSubscribesToHangupsAndAudioStreamEvents() {
		FakeFreeSwitchEsl fake = fake(FakeFreeSwitchEsl.DEFAULT_PASSWORD);
		ReactorNettyEslGateway gateway = gateway(fake, "ClueCon", Duration.ofSeconds(2));

		awaitTrue(gateway::isConnected);

		assertThat(fake.commands()).extracting(ReceivedCommand::line)
			.containsExactly("auth ClueCon", "event json CHANNEL_HANGUP CHANNEL_HANGUP_COMPLETE CUSTOM"
					+ " mod_audio_stream::connect mod_audio_stream::disconnect mod_audio_stream::error"
					+ " mod_audio_stream::json mod_audio_stream::play");
		assertThat(new EslHealthIndicator(gateway).health().getStatus()).isEqualTo(Status.UP);
		assertThat(new EslHealthIndicator(gateway).health().getDetails()).containsEntry("address",
				"127.0.0.1:" + fake.port());
	}

	@Test
	void wrongPasswordIsReportedRetriedWithBackoffAndRecoversWhenFixed() {
		FakeFreeSwitchEsl fake = fake("s3cret");
		ReactorNettyEslGateway gateway = gateway(fake, "ClueCon", Duration.ofSeconds(2));

		awaitTrue(() -> fake.acceptedConnections() >= 3);
		assertThat(gateway.isConnected()).isFalse();
		assertThat(gateway.status().lastError()).contains("rejected the password (-ERR invalid)")
			.contains("VOICE_AI_ESL_PASSWORD");
		assertThat(new EslHealthIndicator(gateway).health().getStatus()).isEqualTo(Status.DOWN);
		assertThat(fake.commands()).extracting(ReceivedCommand::line).containsOnly("auth ClueCon");

		fake.password("ClueCon");
		awaitTrue(gateway::isConnected);
		assertThat(gateway.status().consecutiveFailures()).isZero();
	}

	@Test
	void aclRejectionIsReportedAndRetried() {
		FakeFreeSwitchEsl fake = fake(FakeFreeSwitchEsl.DEFAULT_PASSWORD).denyByAcl(true);
		ReactorNettyEslGateway gateway = gateway(fake, "ClueCon", Duration.ofSeconds(2));

		awaitTrue(() -> fake.acceptedConnections() >= 2);
		assertThat(gateway.status().lastError()).contains("Access Denied, go away.").contains("apply-inbound-acl");
		assertThat(fake.commands()).isEmpty();

		fake.denyByAcl(false);
		awaitTrue(gateway::isConnected);
	}

	@Test
	void concurrentCommandsGetTheirOwnRepliesInOrder() {
		FakeFreeSwitchEsl fake = fake(FakeFreeSwitchEsl.DEFAULT_PASSWORD);
		List<String> commands = IntStream.range(0, 40).mapToObj((i) -> "uuid_getvar " + CALL + " var" + i).toList();
		for (int i = 0; i < commands.size(); i++) {
			// The first reply is slow, so every other command is written and waiting behind it.
			fake.answer(commands.get(i), "value" + i + "\n", (i == 0) ? Duration.ofMillis(200) : Duration.ZERO);
		}
		ReactorNettyEslGateway gateway = gateway(fake, "ClueCon", Duration.ofSeconds(5));
		awaitTrue(gateway::isConnected);

		// Sent from several threads at once; each reply must reach the command it answers.
		List<Map.Entry<String, String>> replies = Flux.fromIterable(commands)
			.flatMap((command) -> gateway.api(command)
				.subscribeOn(Schedulers.parallel())
				.map((reply) -> Map.entry(command, reply)), 64)
			.collectList()
			.block(WAIT);

		assertThat(replies).hasSize(40).allSatisfy((pair) -> assertThat(pair.getValue())
			.isEqualTo("value" + pair.getKey().substring(pair.getKey().lastIndexOf("var") + 3) + "\n"));
		assertThat(fake.apiCommands()).containsExactlyInAnyOrderElementsOf(commands);
	}

	@Test
	void errReplyFailsTheCommandWithFreeSwitchsText() {
		FakeFreeSwitchEsl fake = fake(FakeFreeSwitchEsl.DEFAULT_PASSWORD);
		fake.answer("uuid_kill " + CALL, "-ERR No such channel!\n");
		ReactorNettyEslGateway gateway = gateway(fake, "ClueCon", Duration.ofSeconds(2));
		awaitTrue(gateway::isConnected);

		StepVerifier.create(gateway.api("uuid_kill " + CALL)).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(EslCommandException.class).hasMessageContaining("-ERR No such channel!");
			assertThat(((EslCommandException) ex).command()).isEqualTo("uuid_kill " + CALL);
		}).verify(WAIT);
		StepVerifier.create(gateway.api("uuid_kill 11111111-2222-3333-4444-555555555555")).expectNext("+OK\n")
			.verifyComplete();
		fake.answer("uuid_transfer", "-USAGE: <uuid> [-bleg|-both] <dest-exten> [<dialplan>] [<context>]\n");
		StepVerifier.create(gateway.api("uuid_transfer"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(EslCommandException.class)
				.hasMessageContaining("-USAGE: <uuid>"))
			.verify(WAIT);
	}

	@Test
	void trackedChannelsAnswerLikeFreeSwitchAndHangUpWhenKilled() {
		String other = "11111111-2222-3333-4444-555555555555";
		FakeFreeSwitchEsl fake = fake(FakeFreeSwitchEsl.DEFAULT_PASSWORD).trackChannels().addChannel(CALL);
		ReactorNettyEslGateway gateway = gateway(fake, "ClueCon", Duration.ofSeconds(2));
		EslCommands commands = new EslCommands(gateway);
		List<EslEvent> events = collect(gateway);
		awaitTrue(gateway::isConnected);

		StepVerifier.create(commands.kill(other))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("-ERR No such channel!"))
			.verify(WAIT);
		StepVerifier.create(commands.breakAll(CALL)).expectNext("+OK\n").verifyComplete();
		StepVerifier.create(commands.kill(CALL)).expectNext("+OK\n").verifyComplete();
		awaitTrue(() -> events.size() == 2);

		assertThat(events).extracting(EslEvent::name).containsExactly("CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE");
		assertThat(events).extracting(EslEvent::uniqueId).containsOnly(CALL);
		assertThat(fake.isLive(CALL)).isFalse();
		StepVerifier.create(commands.kill(CALL))
			.expectErrorSatisfies((ex) -> assertThat(ex).hasMessageContaining("-ERR No such channel!"))
			.verify(WAIT);
	}

	@Test
	void eventsCarryHeadersAndBodiesWithMultiByteContent() {
		FakeFreeSwitchEsl fake = fake(FakeFreeSwitchEsl.DEFAULT_PASSWORD);
		ReactorNettyEslGateway gateway = gateway(fake, "ClueCon", Duration.ofSeconds(2));
		List<EslEvent> events = collect(gateway);
		awaitTrue(gateway::isConnected);

		fake.emitHangup(CALL, "NORMAL_CLEARING");
		fake.emit(Map.of("Event-Name", "CHANNEL_ANSWER", "Unique-ID", CALL));
		fake.emitAudioStreamEvent(CALL, "json", "{\"text\":\"Grüße, 你好 👋\"}");
		fake.emitAudioStreamPlay(CALL, "/tmp/" + CALL + "_3.tmp.r16", 16000);
		fake.emitHangupComplete(CALL, "NORMAL_CLEARING");
		awaitTrue(() -> events.size() >= 4);

		assertThat(events).extracting(EslEvent::name)
			.containsExactly("CHANNEL_HANGUP", "CUSTOM", "CUSTOM", "CHANNEL_HANGUP_COMPLETE");
		EslEvent hangup = events.get(0);
		assertThat(hangup.uniqueId()).isEqualTo(CALL);
		assertThat(hangup.subclass()).isNull();
		assertThat(hangup.header("Hangup-Cause")).isEqualTo("NORMAL_CLEARING");
		assertThat(hangup.header("Caller-Context")).isEqualTo("demo.voice-ai.local");
		assertThat(hangup.body()).isNull();

		EslEvent json = events.get(1);
		assertThat(json.isCustom("mod_audio_stream::json")).isTrue();
		assertThat(json.body()).isEqualTo("{\"text\":\"Grüße, 你好 👋\"}");

		EslEvent play = events.get(2);
		assertThat(play.isCustom("mod_audio_stream::play")).isTrue();
		assertThat(play.uniqueId()).isEqualTo(CALL);
		JsonNode body = JsonMapper.shared().readTree(play.body());
		assertThat(body.get("file").asString()).isEqualTo("/tmp/" + CALL + "_3.tmp.r16");
		assertThat(body.get("sampleRate").asInt()).isEqualTo(16000);
		assertThat(body.get("audioDataType").asString()).isEqualTo("raw");
		assertThat(events.get(3).header("variable_billsec")).isEqualTo("0");
	}

	@Test
	void reconnectsAfterADropResubscribesAndKeepsTheSameEventFlux() {
		FakeFreeSwitchEsl fake = fake(FakeFreeSwitchEsl.DEFAULT_PASSWORD);
		// A one-second backoff holds the gateway down long enough to try a command; a long command timeout shows
		// that the command fails because the gateway knows it is down, not because a reply never came.
		ReactorNettyEslGateway gateway = start(new EslProperties("127.0.0.1", fake.port(), "ClueCon",
				Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(1)));
		List<EslEvent> events = collect(gateway);
		awaitTrue(gateway::isConnected);
		fake.emitHangup(CALL, "NORMAL_CLEARING");
		awaitTrue(() -> events.size() == 1);

		fake.dropConnections();
		awaitTrue(() -> !gateway.isConnected());
		long before = System.nanoTime();
		StepVerifier.create(gateway.api("uuid_kill " + CALL))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(EslCommandException.class)
				.hasMessageContaining("ESL not connected to FreeSWITCH at 127.0.0.1:" + fake.port())
				.hasMessageContaining("connection lost"))
			.verify(WAIT);
		assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));

		awaitTrue(gateway::isConnected);
		fake.awaitSubscriptions(2, WAIT);
		fake.emitAudioStreamEvent(CALL, "connect", "{\"status\":\"connected\"}");
		awaitTrue(() -> events.size() == 2);
		assertThat(events.get(1).isCustom("mod_audio_stream::connect")).isTrue();
		assertThat(fake.commands()).extracting(ReceivedCommand::line)
			.filteredOn((line) -> line.startsWith("event json ")).hasSize(2);
		assertThat(gateway.status().connects()).isEqualTo(2);
	}

	@Test
	void reconnectsAfterADisconnectNotice() {
		FakeFreeSwitchEsl fake = fake(FakeFreeSwitchEsl.DEFAULT_PASSWORD);
		ReactorNettyEslGateway gateway = gateway(fake, "ClueCon", Duration.ofSeconds(2));
		awaitTrue(gateway::isConnected);

		fake.disconnectAll();
		awaitTrue(() -> gateway.status().connects() == 2 && gateway.isConnected());
		StepVerifier.create(gateway.api("status")).expectNext("+OK\n").verifyComplete();
	}

	@Test
	void commandWaitingForItsReplyFailsWhenTheConnectionDrops() {
		FakeFreeSwitchEsl fake = fake(FakeFreeSwitchEsl.DEFAULT_PASSWORD);
		fake.answer("uuid_break", "+OK\n", Duration.ofSeconds(3));
		ReactorNettyEslGateway gateway = gateway(fake, "ClueCon", Duration.ofSeconds(5));
		awaitTrue(gateway::isConnected);

		Mono<String> reply = gateway.api("uuid_break " + CALL + " all").cache();
		reply.subscribe((ok) -> {
		}, (ex) -> {
		});
		fake.awaitApiCommand((command) -> command.startsWith("uuid_break"), WAIT);
		fake.dropConnections();

		StepVerifier.create(reply)
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(EslCommandException.class)
				.hasMessageContaining("closed before the reply to `uuid_break " + CALL + " all`"))
			.verify(WAIT);
	}

	@Test
	void lateReplyTimesOutAndDoesNotShiftLaterReplies() {
		FakeFreeSwitchEsl fake = fake(FakeFreeSwitchEsl.DEFAULT_PASSWORD);
		// FreeSWITCH reads nothing on the socket while an api command runs, so `version` waits behind `status`.
		fake.answer("status", "UP slowly\n", Duration.ofMillis(1300));
		fake.answer("version", "FreeSWITCH Version 1.10.12\n");
		ReactorNettyEslGateway gateway = gateway(fake, "ClueCon", Duration.ofMillis(1000));
		awaitTrue(gateway::isConnected);

		StepVerifier.create(gateway.api("status"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(EslCommandException.class)
				.hasMessageContaining("no reply from FreeSWITCH to `status` within 1000 ms"))
			.verify(WAIT);
		StepVerifier.create(gateway.api("version")).expectNext("FreeSWITCH Version 1.10.12\n").verifyComplete();
	}

	@Test
	void commandsThatAreNotOneLineAreRefusedBeforeSending() {
		FakeFreeSwitchEsl fake = fake(FakeFreeSwitchEsl.DEFAULT_PASSWORD);
		ReactorNettyEslGateway gateway = gateway(fake, "ClueCon", Duration.ofSeconds(2));
		awaitTrue(gateway::isConnected);

		StepVerifier.create(gateway.api("status\n\napi uuid_kill " + CALL))
			.expectError(IllegalArgumentException.class)
			.verify(WAIT);
		assertThat(fake.apiCommands()).isEmpty();
	}

	@Test
	void callControlCommandsAreSentExactly() {
		FakeFreeSwitchEsl fake = fake(FakeFreeSwitchEsl.DEFAULT_PASSWORD);
		ReactorNettyEslGateway gateway = gateway(fake, "ClueCon", Duration.ofSeconds(2));
		EslCommands commands = new EslCommands(gateway);
		awaitTrue(gateway::isConnected);

		Flux.concat(commands.transfer(CALL, "1001", "demo.voice-ai.local"), commands.kill(CALL),
				commands.broadcast(CALL, "/tmp/" + CALL + "_1.tmp.r16"), commands.breakAll(CALL),
				commands.audioStreamStop(CALL), commands.transfer(CALL, "+4930123456", "public"))
			.blockLast(WAIT);

		assertThat(fake.apiCommands()).containsExactly("uuid_transfer " + CALL + " 1001 XML demo.voice-ai.local",
				"uuid_kill " + CALL, "uuid_broadcast " + CALL + " /tmp/" + CALL + "_1.tmp.r16 aleg",
				"uuid_break " + CALL + " all", "uuid_audio_stream " + CALL + " stop",
				"uuid_transfer " + CALL + " +4930123456 XML public");
	}

	@Test
	void callControlCommandsRejectInjection() {
		FakeFreeSwitchEsl fake = fake(FakeFreeSwitchEsl.DEFAULT_PASSWORD);
		ReactorNettyEslGateway gateway = gateway(fake, "ClueCon", Duration.ofSeconds(2));
		EslCommands commands = new EslCommands(gateway);
		awaitTrue(gateway::isConnected);

		List<Mono<String>> attempts = List.of(commands.kill(CALL + "\n\napi uuid_kill " + CALL),
				commands.kill(CALL + " NORMAL_CLEARING"), commands.kill("not-a-uuid"), commands.kill(null),
				commands.kill("6f1c2a1e-3b4d-4e5f-8a9b-0c1d2e3f4a5"),
				commands.transfer(CALL, "1001 XML other.example.com", "demo.voice-ai.local"),
				commands.transfer(CALL, "1001\n\napi uuid_kill " + CALL, "demo.voice-ai.local"),
				commands.transfer(CALL, "1001", "demo.voice-ai.local inline"),
				commands.transfer(CALL, "'park:,hangup:'", "demo.voice-ai.local"), commands.transfer(CALL, "", "public"),
				commands.broadcast(CALL, "playback::/tmp/x.wav"), commands.broadcast(CALL, "/tmp/x.wav both"),
				commands.broadcast(CALL, "speak::tts|voice|hello"), commands.broadcast(CALL, "/tmp/../etc/passwd"),
				commands.broadcast(CALL, "relative.wav"), commands.breakAll(CALL.toUpperCase() + "x"));
		for (Mono<String> attempt : attempts) {
			StepVerifier.create(attempt).expectError(IllegalArgumentException.class).verify(WAIT);
		}
		assertThatThrownBy(() -> commands.kill("x\ny").block(WAIT)).hasMessageContaining("x\\ny");
		assertThat(fake.apiCommands()).isEmpty();
	}

	@Test
	void backoffDoublesFromTheMinimumUpToTheCap() {
		ReactorNettyEslGateway gateway = new ReactorNettyEslGateway(properties(1, "ClueCon", Duration.ofSeconds(1)));
		assertThat(gateway.backoff(0)).isEqualTo(Duration.ofMillis(50));
		assertThat(gateway.backoff(1)).isEqualTo(Duration.ofMillis(100));
		assertThat(gateway.backoff(2)).isEqualTo(Duration.ofMillis(200));
		assertThat(gateway.backoff(3)).isEqualTo(Duration.ofMillis(200));
		assertThat(gateway.backoff(1000)).isEqualTo(Duration.ofMillis(200));
	}

	@Test
	void unreachableFreeSwitchFailsCommandsFastAndReportsDown() {
		// Port 1: nothing listens there, and it is outside the ephemeral range. A port freed by a closed fake could be
		// taken again, or even picked as the connection's own source port (a TCP self-connect that "succeeds").
		// A command timeout far longer than the wait below: the failure must come from knowing we are down.
		ReactorNettyEslGateway gateway = start(properties(1, "ClueCon", Duration.ofSeconds(30)));

		awaitTrue(() -> gateway.status().consecutiveFailures() >= 2);
		StepVerifier.create(gateway.api("status"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(EslCommandException.class)
				.hasMessageContaining("cannot connect"))
			.verify(Duration.ofSeconds(3));
		assertThat(new EslHealthIndicator(gateway).health().getDetails()).containsKey("error");
	}

	@Test
	void propertiesNeverPrintThePassword() {
		assertThat(properties(8021, "t0p-s3cret", Duration.ofSeconds(1)).toString()).doesNotContain("t0p-s3cret")
			.contains("127.0.0.1:8021");
	}

	private FakeFreeSwitchEsl fake(String password) {
		FakeFreeSwitchEsl fake = FakeFreeSwitchEsl.start(password);
		this.resources.add(fake);
		return fake;
	}

	private ReactorNettyEslGateway gateway(FakeFreeSwitchEsl fake, String password, Duration commandTimeout) {
		return start(properties(fake.port(), password, commandTimeout));
	}

	private ReactorNettyEslGateway start(EslProperties properties) {
		ReactorNettyEslGateway gateway = new ReactorNettyEslGateway(properties);
		this.resources.add(gateway);
		gateway.start();
		return gateway;
	}

	private static EslProperties properties(int port, String password, Duration commandTimeout) {
		return new EslProperties("127.0.0.1", port, password, Duration.ofSeconds(2), commandTimeout,
				Duration.ofMillis(50), Duration.ofMillis(200));
	}

	private List<EslEvent> collect(EslGateway gateway) {
		List<EslEvent> events = new CopyOnWriteArrayList<>();
		Disposable subscription = gateway.events().subscribe(events::add);
		this.resources.add(subscription::dispose);
		return events;
	}

	private static void awaitTrue(BooleanSupplier condition) {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within " + WAIT);
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
