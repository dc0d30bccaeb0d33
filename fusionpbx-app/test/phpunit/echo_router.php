<?php
//Stand-in HTTP server for ServiceClientTest (php -S): answers like the voice-ai service does, echoing what it got.
header('Content-Type: application/json');
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if ($path === '/api/v1/problem') {
	http_response_code(404);
	header('Content-Type: application/problem+json');
	echo json_encode(['type' => 'about:blank', 'title' => 'Not Found', 'status' => 404, 'detail' => 'no such document']);
	return true;
}
if ($path === '/api/v1/empty') {
	http_response_code(204);
	return true;
}
$files = [];
foreach ($_FILES as $name => $file) {
	$files[$name] = ['name' => $file['name'], 'content' => file_get_contents($file['tmp_name'])];
}
echo json_encode([
	'method' => $_SERVER['REQUEST_METHOD'],
	'uri' => $_SERVER['REQUEST_URI'],
	'authorization' => $_SERVER['HTTP_AUTHORIZATION'] ?? null,
	'domain' => $_SERVER['HTTP_X_DOMAIN_UUID'] ?? null,
	'content_type' => $_SERVER['CONTENT_TYPE'] ?? null,
	'body' => file_get_contents('php://input'),
	'post' => $_POST,
	'files' => $files,
]);
return true;
