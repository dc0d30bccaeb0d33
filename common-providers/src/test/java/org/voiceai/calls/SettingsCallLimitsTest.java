package org.voiceai.calls;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;

import org.voiceai.testing.EmbeddedDefaults;
import org.voiceai.testing.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A domain's limit comes from its own enabled {@code max_concurrent_calls} row, else the configured default; the
 * auto-configured {@link ConcurrentCalls} applies it.
 */
@SpringBootTest(classes = TestApplication.class)
@EmbeddedDefaults
@TestPropertySource(properties = "voice-ai.calls.default-limit=3")
class SettingsCallLimitsTest {

	@Autowired
	DatabaseClient database;

	@Autowired
	ConcurrentCalls calls;

	@Test
	void theDomainsEnabledSettingAppliesAndNoOtherDomainsDoes() {
		UUID limited = domain();
		UUID other = domain();
		setting(limited, "1", true);

		CallLimits limits = new SettingsCallLimits(this.database, 3, Duration.ofSeconds(30));
		assertThat(limits.limitFor(limited).block()).isEqualTo(1);
		assertThat(limits.limitFor(other).block()).isEqualTo(3);

		assertThat(this.calls.admit(limited, UUID.randomUUID()).block()).isEqualTo(new Admission(true, 1));
		assertThat(this.calls.admit(limited, UUID.randomUUID()).block()).isEqualTo(new Admission(false, 1));
		assertThat(this.calls.admit(other, UUID.randomUUID()).block()).isEqualTo(new Admission(true, 3));
	}

	@Test
	void aDisabledOrUnusableSettingMeansTheDefault() {
		UUID disabled = domain();
		UUID garbage = domain();
		UUID zero = domain();
		setting(disabled, "1", false);
		setting(garbage, "many", true);
		setting(zero, "0", true);

		CallLimits limits = new SettingsCallLimits(this.database, 3, Duration.ofSeconds(30));
		assertThat(limits.limitFor(disabled).block()).isEqualTo(3);
		assertThat(limits.limitFor(garbage).block()).isEqualTo(3);
		assertThat(limits.limitFor(zero).block()).isEqualTo(3);
	}

	@Test
	void theLimitIsReusedForTheCacheTimeThenReadAgain() {
		UUID domain = domain();
		setting(domain, "5", true);
		CallLimits cached = new SettingsCallLimits(this.database, 3, Duration.ofHours(1));
		// Zero, not 1 ms: the cache counts time in whole milliseconds, and the update below can take less than one.
		CallLimits uncached = new SettingsCallLimits(this.database, 3, Duration.ZERO);
		assertThat(cached.limitFor(domain).block()).isEqualTo(5);
		assertThat(uncached.limitFor(domain).block()).isEqualTo(5);

		this.database.sql("UPDATE v_voice_secretary_settings SET setting_value = '7' WHERE domain_uuid = :d")
			.bind("d", domain)
			.then()
			.block();

		assertThat(cached.limitFor(domain).block()).isEqualTo(5);
		assertThat(uncached.limitFor(domain).block()).isEqualTo(7);
	}

	private UUID domain() {
		UUID domain = UUID.randomUUID();
		this.database.sql("INSERT INTO v_domains (domain_uuid, domain_name) VALUES (:id, :name)")
			.bind("id", domain)
			.bind("name", domain + ".test")
			.then()
			.block();
		return domain;
	}

	private void setting(UUID domain, String value, boolean enabled) {
		this.database.sql("INSERT INTO v_voice_secretary_settings (domain_uuid, setting_name, setting_value, enabled) "
				+ "VALUES (:d, 'max_concurrent_calls', :v, :e)")
			.bind("d", domain)
			.bind("v", value)
			.bind("e", enabled)
			.then()
			.block();
	}

}
