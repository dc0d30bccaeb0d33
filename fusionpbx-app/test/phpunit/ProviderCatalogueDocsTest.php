<?php

use PHPUnit\Framework\TestCase;

/**
 * The provider edit page offers exactly what docs/providers.md documents: the same provider names and aliases per
 * type, the keys of each provider and their defaults. ProvidersDocumentedTest (Java) holds the document to the
 * service's factories, so the page cannot drift from the service without one of the two failing.
 */
final class ProviderCatalogueDocsTest extends TestCase {

	const sections = ['## Speech-to-text' => 'stt', '## Text-to-speech' => 'tts', '## Chat models' => 'llm',
		'## Embeddings' => 'embeddings', '## Realtime speech to speech' => 'realtime'];

	//keys every provider (or every chat model) takes, documented in prose above the tables
	const common_keys = ['timeout_seconds', 'temperature', 'max_tokens'];

	/** @return array type => canonical name => ['aliases' => [...], 'keys' => keys cell text] */
	private static function documented(): array {
		$lines = file(dirname(__DIR__, 3).'/docs/providers.md', FILE_IGNORE_NEW_LINES);
		$documented = [];
		$type = null;
		$in_table = false;
		foreach ($lines as $line) {
			if (str_starts_with($line, '## ')) {
				$type = null;
				foreach (self::sections as $heading => $section_type) {
					if (str_starts_with($line, $heading)) {
						$type = $section_type;
					}
				}
				$in_table = false;
			}
			elseif ($type !== null && str_starts_with($line, '| provider_name')) {
				$in_table = true;
			}
			elseif (trim($line) === '') {
				$in_table = false;
			}
			elseif ($in_table && str_starts_with($line, '| `')) {
				$cells = array_map('trim', preg_split('/(?<!\\\\)\|/', trim($line, " |")));
				preg_match_all('/`([^`]+)`/', $cells[0], $names);
				$canonical = array_shift($names[1]);
				$documented[$type][$canonical] = ['aliases' => $names[1], 'keys' => $cells[2] ?? ''];
			}
		}
		return $documented;
	}

	/**
	 * A realtime provider's key table ("`<name>` keys:" then a table): key => [default, required]. A default in
	 * backticks is the value, unless it is computed from other keys ("{…}"); "required", "none" and "service default"
	 * suggest none.
	 */
	private static function realtime_keys(string $name): array {
		$text = file_get_contents(dirname(__DIR__, 3).'/docs/providers.md');
		$start = strpos($text, "`".$name."` keys:");
		self::assertNotFalse($start, 'docs/providers.md has no '.$name.' key table');
		$keys = [];
		foreach (array_slice(explode("\n", substr($text, $start)), 1) as $line) {
			if (preg_match('/^\| `([a-z_]+)` \| ([^|]+) \|/', $line, $match)) {
				$default = trim($match[2]);
				$required = ($default === 'required');
				if (preg_match('/^`([^`]*)`$/', $default, $value)) {
					$default = $value[1];
				}
				$none = $required || in_array($default, ['none', 'service default'], true) || str_contains($default, '{');
				$keys[$match[1]] = [$none ? '' : $default, $required];
			}
			elseif (count($keys) && trim($line) === '') {
				break;
			}
		}
		return $keys;
	}

	public function test_the_documents_tables_are_found(): void {
		$documented = self::documented();
		$this->assertSame(array_values(self::sections), array_keys($documented));
		$this->assertSame(['openai_whisper'], $documented['stt']['whisper_api']['aliases']);
		$this->assertGreaterThan(10, count(self::realtime_keys('openai_realtime')));
	}

	public function test_every_type_offers_exactly_the_documented_providers_and_aliases(): void {
		foreach (self::documented() as $type => $providers) {
			$this->assertEqualsCanonicalizing(array_keys($providers), voice_ai_provider_fields::names($type), $type);
			$aliases = [];
			foreach ($providers as $name => $provider) {
				foreach ($provider['aliases'] as $alias) {
					$aliases[$alias] = $name;
				}
			}
			ksort($aliases);
			$offered = voice_ai_provider_fields::aliases($type);
			ksort($offered);
			$this->assertSame($aliases, $offered, $type.' aliases');
			foreach ($aliases as $alias => $name) {
				$this->assertSame(voice_ai_provider_fields::fields($type, $name), voice_ai_provider_fields::fields($type, strtoupper($alias)),
					"a row stored as $type/$alias is edited with the fields of $name");
			}
		}
		$this->assertSame([], voice_ai_provider_fields::names('fax'));
	}

	public function test_every_field_is_a_documented_key_with_the_documented_default(): void {
		$documented = self::documented();
		foreach ($documented as $type => $providers) {
			foreach ($providers as $name => $provider) {
				if ($type == 'realtime') {
					//realtime providers have a key table of their own, checked below
					continue;
				}
				$cell = $provider['keys'];
				//"as `whisper_api`; ...": that provider's keys too (its defaults are not this one's)
				$inherited = preg_match('/^as `([a-z_]+)`/', $cell, $base) ? $providers[$base[1]]['keys'] : '';
				foreach (voice_ai_provider_fields::fields($type, $name) as $key => $field) {
					if (in_array($key, self::common_keys, true)) {
						continue;
					}
					$this->assertTrue(str_contains($cell.$inherited, '`'.$key.'`'), "$type/$name: field $key is not documented");
					if (preg_match('/`'.$key.'` \((?:`([^`]*)`|([0-9.]+|true|false)\b)/', $cell, $default)) {
						$this->assertSame($default[1] !== '' ? $default[1] : $default[2], $field['default'], "$type/$name: default of $key");
					}
					elseif ($field['kind'] != 'secret' && !preg_match('/`'.$key.'` `/', $cell) && $inherited === '') {
						//no documented default: the page must not suggest one
						$this->assertContains($field['default'], ['', 'https://api.openai.com/v1'], "$type/$name: $key has an undocumented default");
					}
				}
			}
		}
	}

	public function test_every_realtime_provider_has_exactly_its_documented_keys_and_defaults(): void {
		foreach (voice_ai_provider_fields::names('realtime') as $name) {
			$fields = voice_ai_provider_fields::fields('realtime', $name);
			$documented = self::realtime_keys($name);
			$this->assertSame(array_keys($documented), array_keys($fields), $name);
			foreach ($documented as $key => [$default, $required]) {
				$this->assertSame($default, $fields[$key]['default'], "$name: default of $key");
				$this->assertSame($required, $fields[$key]['required'], "$name: required $key");
			}
		}
	}

	public function test_openai_realtime_has_exactly_the_documented_keys_defaults_and_choices(): void {
		$fields = voice_ai_provider_fields::fields('realtime', 'openai_realtime');
		$documented = self::realtime_keys('openai_realtime');
		$this->assertSame(array_keys($documented), array_keys($fields));
		foreach ($documented as $key => [$default, $required]) {
			$this->assertSame($default, $fields[$key]['default'], "default of $key");
			$this->assertSame($required, $fields[$key]['required'], "required $key");
		}
		$this->assertSame('secret', $fields['api_key']['kind']);
		$this->assertSame(['server_vad', 'semantic_vad'], $fields['turn_detection']['options']);
		$this->assertSame(['low', 'medium', 'high', 'auto'], $fields['vad_eagerness']['options']);
		$this->assertSame(['auto', 'pcm', 'pcmu', 'pcma'], $fields['audio_format']['options']);
		$this->assertSame(['off', 'near_field', 'far_field'], $fields['noise_reduction']['options']);
		$this->assertContains('marin', $fields['voice']['options']);
		$this->assertContains('cedar', $fields['voice']['options']);
	}

	public function test_a_realtime_row_is_built_as_the_bridge_reads_it(): void {
		$secrets = new voice_ai_secrets(ProviderFieldsTest::key);
		$v = new voice_ai_validator();
		$config = voice_ai_provider_fields::build_config('realtime', 'openai_realtime',
			['api_key' => 'sk-rt', 'turn_detection' => 'semantic_vad', 'vad_eagerness' => 'high', 'vad_threshold' => '0,7',
				'max_session_minutes' => '50', 'audio_format' => 'pcmu', 'noise_reduction' => 'near_field', 'voice' => ''],
			[], [], '', $secrets, ProviderFieldsTest::domain, $v);
		$this->assertTrue($v->valid(), implode(' ', $v->errors()));
		$this->assertSame('sk-rt', $secrets->decrypt($config['api_key'], ProviderFieldsTest::domain));
		$this->assertSame(['semantic_vad', 'high', 0.7, 50.0, 'pcmu', 'near_field'],
			[$config['turn_detection'], $config['vad_eagerness'], $config['vad_threshold'], $config['max_session_minutes'], $config['audio_format'], $config['noise_reduction']]);
		$this->assertArrayNotHasKey('voice', $config, 'empty: the bridge default (or the secretary voice) applies');

		$w = new voice_ai_validator();
		$this->assertNull(voice_ai_provider_fields::build_config('realtime', 'openai_realtime',
			['api_key' => 'sk-rt', 'turn_detection' => 'push_to_talk', 'vad_threshold' => '1.5', 'max_session_minutes' => '60', 'audio_format' => 'opus'],
			[], [], '', $secrets, ProviderFieldsTest::domain, $w));
		$this->assertSame(['turn_detection', 'vad_threshold', 'max_session_minutes', 'audio_format'], array_keys($w->errors()));
	}

	public function test_a_custom_pipeline_row_is_built_as_the_bridge_reads_it(): void {
		$secrets = new voice_ai_secrets(ProviderFieldsTest::key);
		$v = new voice_ai_validator();
		$config = voice_ai_provider_fields::build_config('realtime', 'custom',
			['api_key' => 'dg-key', 'endpointing_ms' => '500', 'utterance_end_ms' => '1500', 'keepalive_seconds' => '2,5',
				'llm_provider' => 'groq', 'tts_provider' => '', 'temperature' => '0.3', 'language' => ''],
			[], [], '', $secrets, ProviderFieldsTest::domain, $v);
		$this->assertTrue($v->valid(), implode(' ', $v->errors()));
		$this->assertSame('dg-key', $secrets->decrypt($config['api_key'], ProviderFieldsTest::domain));
		$this->assertSame([500, 1500, 2.5, 'groq', 0.3],
			[$config['endpointing_ms'], $config['utterance_end_ms'], $config['keepalive_seconds'], $config['llm_provider'], $config['temperature']]);
		$this->assertArrayNotHasKey('tts_provider', $config, 'empty: the domain default text-to-speech row answers');
		$this->assertArrayNotHasKey('language', $config, 'empty: the call language applies');

		$w = new voice_ai_validator();
		$this->assertNull(voice_ai_provider_fields::build_config('realtime', 'custom_pipeline',
			['api_key' => 'dg-key', 'endpointing_ms' => '5', 'utterance_end_ms' => '500', 'keepalive_seconds' => '12'],
			[], [], '', $secrets, ProviderFieldsTest::domain, $w));
		$this->assertSame(['endpointing_ms', 'utterance_end_ms', 'keepalive_seconds'], array_keys($w->errors()));
	}

	public function test_realtime_providers_the_bridge_does_not_have_cannot_be_chosen(): void {
		$this->assertSame(['openai_realtime', 'gemini_live', 'elevenlabs_conversational', 'custom_pipeline'], voice_ai_provider_fields::names('realtime'));
		$this->assertNull(voice_ai_provider_fields::fields('realtime', 'ultravox'));
		$v = new voice_ai_validator();
		$this->assertNull(voice_ai_provider_fields::build_config('realtime', 'ultravox', ['api_key' => 'k'], [], [], '', null, ProviderFieldsTest::domain, $v));
		$this->assertSame(['provider_name'], array_keys($v->errors()));
	}

}
