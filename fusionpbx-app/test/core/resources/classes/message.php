<?php
//Test double of FusionPBX's message class: flash messages in the session, shown by header.php.

	class message {

		public static function add($message, $mood = 'positive', $delay = null) {
			$_SESSION['messages'][] = ['message' => $message, 'mood' => $mood];
		}

		public static function take() {
			$messages = $_SESSION['messages'] ?? [];
			unset($_SESSION['messages']);
			return $messages;
		}

	}

?>
