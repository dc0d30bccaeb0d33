<?php

use PHPUnit\Framework\TestCase;

final class ServiceClientTest extends TestCase {

	const domain = '4d7c0e0a-7f5b-4b5e-9a3c-1f2e3d4c5b6a';

	/** @var resource */
	private static $server;

	/** @var int */
	private static $port;

	public static function setUpBeforeClass(): void {
		$socket = stream_socket_server('tcp://127.0.0.1:0');
		self::$port = (int) substr(strrchr(stream_socket_get_name($socket, false), ':'), 1);
		fclose($socket);
		self::$server = proc_open([PHP_BINARY, '-S', '127.0.0.1:'.self::$port, __DIR__.'/echo_router.php'],
			[0 => ['pipe', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
		for ($i = 0; $i < 100; $i++) {
			$connection = @fsockopen('127.0.0.1', self::$port);
			if ($connection) {
				fclose($connection);
				return;
			}
			usleep(50000);
		}
		self::fail('the stand-in server did not start');
	}

	public static function tearDownAfterClass(): void {
		proc_terminate(self::$server);
		proc_close(self::$server);
	}

	private function client(): voice_ai_service_client {
		return new voice_ai_service_client('http://127.0.0.1:'.self::$port.'/', 'tok-123', strtoupper(self::domain), 5);
	}

	public function test_every_call_carries_the_token_and_the_session_domain(): void {
		$answer = $this->client()->get('/api/v1/documents', ['secretary_uuid' => null, 'page' => 2]);
		$this->assertSame(200, $answer['status']);
		$this->assertNull($answer['error']);
		$this->assertSame('GET', $answer['body']['method']);
		$this->assertSame('/api/v1/documents?page=2', $answer['body']['uri']);
		$this->assertSame('Bearer tok-123', $answer['body']['authorization']);
		$this->assertSame(self::domain, $answer['body']['domain']);
	}

	public function test_json_posts_files_and_deletes(): void {
		$json = $this->client()->post_json('api/v1/documents/x/reprocess', ['title' => 'Horário']);
		$this->assertSame('application/json', $json['body']['content_type']);
		$this->assertSame('{"title":"Horário"}', $json['body']['body']);
		$empty = $this->client()->post_json('api/v1/documents/x/reprocess');
		$this->assertSame('POST', $empty['body']['method']);
		$this->assertSame('', $empty['body']['body']);

		$file = tempnam(sys_get_temp_dir(), 'kb');
		file_put_contents($file, "We open at 8.\n");
		$upload = $this->client()->post_file('/api/v1/documents', $file, 'horarios.txt', ['secretary_uuid' => '', 'title' => 'Horários']);
		unlink($file);
		$this->assertStringStartsWith('multipart/form-data', $upload['body']['content_type']);
		$this->assertSame(['name' => 'horarios.txt', 'content' => "We open at 8.\n"], $upload['body']['files']['file']);
		$this->assertSame(['title' => 'Horários'], $upload['body']['post'], 'empty parts are left out');

		$this->assertSame('DELETE', $this->client()->delete('/api/v1/documents/x')['body']['method']);
	}

	public function test_problem_details_and_empty_answers(): void {
		$problem = $this->client()->get('/api/v1/problem');
		$this->assertSame(404, $problem['status']);
		$this->assertSame('no such document', $problem['error']);
		$empty = $this->client()->delete('/api/v1/empty');
		$this->assertSame(204, $empty['status']);
		$this->assertNull($empty['body']);
		$this->assertNull($empty['error']);
	}

	public function test_an_unreachable_service_is_status_zero_with_a_reason_and_no_token(): void {
		$socket = stream_socket_server('tcp://127.0.0.1:0');
		$port = (int) substr(strrchr(stream_socket_get_name($socket, false), ':'), 1);
		fclose($socket);
		$answer = (new voice_ai_service_client('http://127.0.0.1:'.$port, 'tok-123', self::domain, 2))->get('/api/v1/documents');
		$this->assertSame(0, $answer['status']);
		$this->assertStringContainsString('not reachable', $answer['error']);
		$this->assertStringNotContainsString('tok-123', $answer['error']);
		$this->assertStringNotContainsString('tok-123', print_r($this->client(), true));
	}

	public function test_bad_settings_are_refused(): void {
		$this->expectException(InvalidArgumentException::class);
		new voice_ai_service_client('ftp://x', 't', self::domain);
	}

	public function test_a_domain_that_is_not_a_uuid_is_refused(): void {
		$this->expectException(InvalidArgumentException::class);
		new voice_ai_service_client('http://x', 't', 'all');
	}

}
