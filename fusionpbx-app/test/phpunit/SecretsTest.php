<?php

use PHPUnit\Framework\TestCase;

//Cross-language checks (PHP encrypts, Java decrypts and back) live in the Java test sources; these are PHP-only.
final class SecretsTest extends TestCase {

	const key = 'q2hLrDkbkFQ0RYoXSpVZ4O1a2CfbDk7mRvDSGnAH3bk=';

	public function test_round_trip_bound_to_the_domain(): void {
		$secrets = new voice_ai_secrets(self::key);
		$a = '4d7c0e0a-7f5b-4b5e-9a3c-1f2e3d4c5b6a';
		$b = '5d7c0e0a-7f5b-4b5e-9a3c-1f2e3d4c5b6a';
		$value = $secrets->encrypt('sk-abc', strtoupper($a));
		$this->assertMatchesRegularExpression('#^enc:v1:[A-Za-z0-9+/]+=*$#', $value);
		$this->assertSame('sk-abc', $secrets->decrypt($value, $a));
		$this->expectException(RuntimeException::class);
		$secrets->decrypt($value, $b);
	}

	public function test_secret_key_names(): void {
		foreach (['api_key', 'subscription_key', 'password', 'client_secret', 'access_token', 'credentials_json'] as $name) {
			$this->assertTrue(voice_ai_secrets::is_secret_key($name), $name);
		}
		foreach (['model', 'max_tokens', 'voice_id', 'base_url'] as $name) {
			$this->assertFalse(voice_ai_secrets::is_secret_key($name), $name);
		}
	}

}
