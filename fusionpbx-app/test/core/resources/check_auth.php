<?php
//Test double of FusionPBX's resources/check_auth.php: a logged-in session or nothing.

	if (empty($_SESSION['user_uuid']) || empty($_SESSION['domain_uuid'])) {
		http_response_code(403);
		echo "access denied";
		exit;
	}
	$domain_uuid = $_SESSION['domain_uuid'];
	$domain_name = $_SESSION['domain_name'];
	$user_uuid = $_SESSION['user_uuid'];

?>
