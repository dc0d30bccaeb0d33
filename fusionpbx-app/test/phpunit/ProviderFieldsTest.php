<?php

use PHPUnit\Framework\TestCase;

final class ProviderFieldsTest extends TestCase {

	const key = 'q2hLrDkbkFQ0RYoXSpVZ4O1a2CfbDk7mRvDSGnAH3bk=';
	const domain = '4d7c0e0a-7f5b-4b5e-9a3c-1f2e3d4c5b6a';

	public function test_fields_of_a_provider(): void {
		$this->assertNull(voice_ai_provider_fields::fields('stt', 'nope'));
		$fields = voice_ai_provider_fields::fields('stt', 'deepgram');
		$this->assertSame('secret', $fields['api_key']['kind']);
		$this->assertTrue($fields['api_key']['required']);
		$this->assertSame('nova-3', $fields['model']['default']);
	}

	public function test_a_new_secret_is_encrypted_for_the_row_domain_and_values_are_typed(): void {
		$secrets = new voice_ai_secrets(self::key);
		$v = new voice_ai_validator();
		$config = voice_ai_provider_fields::build_config('stt', 'deepgram',
			['api_key' => ' dg-secret ', 'model' => 'nova-2', 'language' => '', 'smart_format' => 'false', 'timeout_seconds' => '12'],
			[], [], '', $secrets, self::domain, $v);
		$this->assertTrue($v->valid(), implode(' ', $v->errors()));
		$this->assertStringStartsWith('enc:v1:', $config['api_key']);
		$this->assertSame('dg-secret', $secrets->decrypt($config['api_key'], self::domain));
		$this->assertSame('nova-2', $config['model']);
		$this->assertArrayNotHasKey('language', $config, 'empty fields fall back to the service default');
		$this->assertFalse($config['smart_format']);
		$this->assertSame(12, $config['timeout_seconds']);
		$this->assertStringNotContainsString('dg-secret', json_encode($config));
	}

	public function test_an_empty_secret_keeps_the_stored_one_unless_cleared(): void {
		$secrets = new voice_ai_secrets(self::key);
		$stored = ['api_key' => $secrets->encrypt('old', self::domain), 'custom_flag' => 'x'];
		$v = new voice_ai_validator();
		$kept = voice_ai_provider_fields::build_config('llm', 'ollama_local', ['api_key' => '', 'model' => 'qwen'], [], $stored, '', $secrets, self::domain, $v);
		$this->assertSame($stored['api_key'], $kept['api_key']);
		$this->assertSame('x', $kept['custom_flag'], 'keys the form does not know are kept');
		$cleared = voice_ai_provider_fields::build_config('llm', 'ollama_local', ['api_key' => ''], ['api_key'], $stored, '', $secrets, self::domain, $v);
		$this->assertArrayNotHasKey('api_key', $cleared);
		$this->assertTrue($v->valid());
	}

	public function test_a_required_secret_that_was_never_set_is_reported(): void {
		$v = new voice_ai_validator();
		$this->assertNull(voice_ai_provider_fields::build_config('tts', 'elevenlabs', ['api_key' => ''], [], [], '', new voice_ai_secrets(self::key), self::domain, $v));
		$this->assertSame(['api_key'], array_keys($v->errors()));
	}

	public function test_wrong_values_and_unknown_providers_are_reported(): void {
		$v = new voice_ai_validator();
		$this->assertNull(voice_ai_provider_fields::build_config('tts', 'openai_tts',
			['api_key' => 'k', 'voice' => 'darth', 'base_url' => 'ftp://x', 'timeout_seconds' => 'soon'], [], [], '{"speed":', new voice_ai_secrets(self::key), self::domain, $v));
		$this->assertSame(['extra_config', 'base_url', 'voice', 'timeout_seconds'], array_keys($v->errors()));
		$w = new voice_ai_validator();
		$this->assertNull(voice_ai_provider_fields::build_config('tts', 'nope', [], [], [], '', null, self::domain, $w));
		$this->assertSame(['provider_name'], array_keys($w->errors()));
	}

	public function test_extra_json_adds_keys_and_its_secrets_are_encrypted_too(): void {
		$secrets = new voice_ai_secrets(self::key);
		$v = new voice_ai_validator();
		$config = voice_ai_provider_fields::build_config('embeddings', 'local', [], [], [], '{"proxy_password":"p","batch":8}', $secrets, self::domain, $v);
		$this->assertSame(8, $config['batch']);
		$this->assertSame('p', $secrets->decrypt($config['proxy_password'], self::domain));
		$this->assertSame(['proxy_password' => true], voice_ai_provider_fields::secrets_set($config));
		$this->assertSame("{\n    \"batch\": 8\n}", voice_ai_provider_fields::extra_json('embeddings', 'local', $config), 'secrets never shown back');
	}

	public function test_without_a_key_a_new_secret_is_refused_rather_than_stored_in_clear(): void {
		$this->expectException(RuntimeException::class);
		voice_ai_provider_fields::build_config('llm', 'openai', ['api_key' => 'sk-x'], [], [], '', null, self::domain, new voice_ai_validator());
	}

}
