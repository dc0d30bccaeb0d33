<?php
//Test double of FusionPBX's database class (resources/classes/database.php), on PDO pgsql. See ../../README.md.

	class database {

		public $message;
		public $app_name;
		public $app_uuid;

		/** @var PDO */
		private $pdo;

		public static function new() {
			return new database();
		}

		public function __construct() {
			$dsn = getenv('VOICE_AI_TEST_DSN');
			$this->pdo = new PDO($dsn, getenv('VOICE_AI_TEST_DB_USER') ?: null, getenv('VOICE_AI_TEST_DB_PASSWORD') ?: null,
				[PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION, PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC]);
		}

		public function select($sql, $parameters = [], $return_type = 'all') {
			try {
				$statement = $this->pdo->prepare($sql);
				$statement->execute($parameters ?? []);
				switch ($return_type) {
					case 'row': return $statement->fetch();
					case 'column': return $statement->fetchColumn();
					default: return $statement->fetchAll();
				}
			}
			catch (PDOException $e) {
				$this->message = $e->getMessage();
				error_log('database->select: '.$e->getMessage());
				return false;
			}
		}

		public function execute($sql, $parameters = null, $return_type = 'all') {
			return $this->select($sql, $parameters, $return_type);
		}

		/** Inserts or updates each row by its <singular>_uuid, with FusionPBX's _add / _edit permission checks. */
		public function save(&$array, $transaction_save = true) {
			try {
				$this->pdo->beginTransaction();
				foreach ($array as $table => $rows) {
					$singular = self::singular($table);
					$key = $singular.'_uuid';
					foreach ($rows as $row) {
						$exists = isset($row[$key]) && $this->select("select 1 from v_".$table." where ".$key." = :key", ['key' => $row[$key]], 'column');
						$parameters = [];
						foreach ($row as $field => $value) {
							$parameters[preg_replace('/[^a-z0-9_]/', '', $field)] = ($value === '' || $value === null) ? null : (is_bool($value) ? ($value ? 'true' : 'false') : $value);
						}
						if ($exists) {
							if (!permission_exists($singular.'_edit')) {
								continue;
							}
							$sets = [];
							foreach (array_keys($parameters) as $field) {
								if ($field !== $key) {
									$sets[] = $field.' = :'.$field;
								}
							}
							$sql = "update v_".$table." set ".implode(', ', $sets).", update_date = now(), update_user = :update_user where ".$key." = :".$key;
							$parameters['update_user'] = $_SESSION['user_uuid'] ?? null;
						}
						else {
							if (!permission_exists($singular.'_add')) {
								continue;
							}
							$parameters['insert_user'] = $_SESSION['user_uuid'] ?? null;
							$sql = "insert into v_".$table." (".implode(', ', array_keys($parameters)).", insert_date) values (:".implode(', :', array_keys($parameters)).", now())";
						}
						$statement = $this->pdo->prepare($sql);
						$statement->execute($parameters);
					}
				}
				$this->pdo->commit();
				$this->message = ['code' => '200', 'message' => 'OK'];
				return true;
			}
			catch (PDOException $e) {
				$this->pdo->rollBack();
				$this->message = ['code' => '500', 'message' => $e->getMessage()];
				error_log('database->save: '.$e->getMessage());
				return false;
			}
		}

		/** Deletes rows matching every given field (FusionPBX: needs <singular>_delete). */
		public function delete($array) {
			try {
				foreach ($array as $table => $rows) {
					if (!permission_exists(self::singular($table).'_delete')) {
						continue;
					}
					foreach ($rows as $row) {
						$where = [];
						$parameters = [];
						foreach ($row as $field => $value) {
							$field = preg_replace('/[^a-z0-9_]/', '', $field);
							$where[] = $field.' = :'.$field;
							$parameters[$field] = $value;
						}
						if (count($where)) {
							$this->pdo->prepare("delete from v_".$table." where ".implode(' and ', $where))->execute($parameters);
						}
					}
				}
				return true;
			}
			catch (PDOException $e) {
				$this->message = $e->getMessage();
				return false;
			}
		}

		/** FusionPBX's singular(): ies -> y, sses -> ss, ses -> se, x/s/z/sh/ch + es, else strip s. */
		public static function singular($word) {
			if (substr($word, -3) === 'ies') {
				return substr($word, 0, -3).'y';
			}
			if (substr($word, -4) === 'sses') {
				return substr($word, 0, -2);
			}
			if (substr($word, -3) === 'ses') {
				return substr($word, 0, -1);
			}
			if (preg_match('/(x|s|z|sh|ch)es$/', $word)) {
				return substr($word, 0, -2);
			}
			return substr($word, -1) === 's' ? substr($word, 0, -1) : $word;
		}

	}

?>
