package plangraph.engine;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Starts Neo4j Community embedded with its Bolt connector on 127.0.0.1 and nothing else: the
 * service reaches it over Bolt, exactly as it would reach a standalone server.
 *
 * <pre>
 * java -jar engine/target/engine.jar --data-dir DIR --port PORT [--exit-on-stdin-close]
 * </pre>
 *
 * DIR and PORT may also come from NEO4J_DATA_DIR and NEO4J_PORT; the credentials always come from
 * NEO4J_USER and NEO4J_PASSWORD (default neo4j / plan-graph-local). NEO4J_READ_USER and
 * NEO4J_READ_PASSWORD, when set, name a second user who may only read (see ReadOnlyUsers).
 *
 * <p>Everything the launcher says is one stdout line starting with {@code NEO4J-ENGINE}: exactly
 * one {@code NEO4J-ENGINE READY bolt://127.0.0.1:PORT} once a Bolt handshake succeeds, or one
 * {@code NEO4J-ENGINE ERROR ...} before a non-zero exit. Exit codes: 0 stopped cleanly, 1 failed,
 * 2 data directory in use, 3 port in use, 64 bad arguments; stopped by SIGINT or SIGTERM also
 * exits 0.
 */
public final class Engine {
    static final String DEFAULT_USER = "neo4j";
    static final String DEFAULT_PASSWORD = "plan-graph-local";
    static final String HOST = "127.0.0.1";
    /** Stores of a policy-plan graph are a few MB; 256 MiB keeps all of them in memory. */
    static final long PAGE_CACHE_BYTES = ByteUnit.mebiBytes(256);
    static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** dbms.cypher.min_replan_interval (Neo4j's default: 10 s); see where it is set. */
    static final Duration MIN_REPLAN_INTERVAL = Duration.ofSeconds(60);
    /**
     * Every procedure anyone may call on this engine (dbms.security.procedures.allowlist): the
     * reader's (ReadOnlyUsers.READER_PROCEDURES), the loader's wait for its indexes, and the
     * version check of the test suite. Nothing else is loaded: no dbms.listConfig, no JMX, no
     * query-cache clearing, for any user.
     */
    static final List<String> PROCEDURES = List.of(
            "db.index.fulltext.queryNodes", "db.awaitIndexes", "dbms.components");

    private static final int EXIT_FAILED = 1;
    private static final int EXIT_DIR_IN_USE = 2;
    private static final int EXIT_PORT_IN_USE = 3;
    private static final int EXIT_USAGE = 64;

    private Engine() {}

    public static void main(String[] args) {
        // As neo4j.conf sets them for the server: no JMX beans for log4j, reflective Netty buffers.
        System.setProperty("log4j2.disable.jmx", "true");
        System.setProperty("io.netty.tryReflectionSetAccessible", "true");

        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            fail(EXIT_USAGE, e.getMessage());
            return;
        }

        DataDirLock lock;
        try {
            lock = DataDirLock.acquire(options.dataDir);
        } catch (DirInUse e) {
            fail(EXIT_DIR_IN_USE, e.getMessage());
            return;
        } catch (IOException e) {
            fail(EXIT_FAILED, "cannot use data directory " + options.dataDir + ": " + e);
            return;
        }
        if (lock.previousPid != null) {
            say("NOTE previous run (process " + lock.previousPid + ") was killed before it stopped;"
                    + " Neo4j recovers the store from its transaction log");
        }

        try {
            ownerOnly(options.importDir());
        } catch (IOException e) {
            lock.release(true);
            fail(EXIT_FAILED, "cannot make " + options.importDir() + ": " + e);
            return;
        }

        if (!portFree(options.port)) {
            lock.release(true);
            fail(EXIT_PORT_IN_USE, "port " + HOST + ":" + options.port + " is already in use");
            return;
        }

        DatabaseManagementService dbms;
        try {
            dbms = ReadOnlyUsers.builder(options.dataDir, options.readers())
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, options.port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, options.port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    // No Cypher reads a file: LOAD CSV FROM 'file:///...' is refused for every
                    // user, and the import root (where file URLs would resolve) is an empty
                    // directory of its own rather than Neo4j's embedded default, the whole disk.
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    .setConfig(GraphDatabaseSettings.load_csv_file_url_root, options.importDir())
                    .setConfig(GraphDatabaseSettings.procedure_allowlist, PROCEDURES)
                    // shortestPath/allShortestPaths never fall back to an exhaustive search when
                    // the fast one finds nothing that passes the WHERE: an error instead, at once.
                    .setConfig(GraphDatabaseSettings.forbid_exhaustive_shortestpath, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, PAGE_CACHE_BYTES)
                    // No usage reports: the machines this runs on have no way out anyway.
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Do not reserve 256 MiB per transaction log up front (x2 databases, per test run).
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    // Bolt's event loops otherwise wait out a 5 s quiet period, twice, on every
                    // stop; by then every connection is closed, so there is nothing to wait for.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    // A cached query plan is looked at again, and replanned if the statistics it
                    // was made with diverged, at most once a minute rather than every 10 s: a
                    // library load runs the same few statements thousands of times while the graph
                    // grows, and replanning them kept the engine busy. The plans are index seeks
                    // by id whatever the counts, so a plan a minute old is as good.
                    .setConfig(GraphDatabaseSettings.cypher_min_replan_interval, MIN_REPLAN_INTERVAL)
                    .build();
        } catch (RuntimeException e) {
            lock.release(true);
            if (hasCause(e, BindException.class)) {
                fail(EXIT_PORT_IN_USE, "port " + HOST + ":" + options.port + " is already in use");
            } else if (rootMessage(e).toLowerCase().contains("lock")) {
                fail(EXIT_DIR_IN_USE, "data directory " + options.dataDir
                        + " is locked by another Neo4j process: " + rootMessage(e));
            } else {
                fail(EXIT_FAILED, "Neo4j did not start: " + rootMessage(e)
                        + " (details in " + options.dataDir.resolve("logs/debug.log") + ")");
            }
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        // SIGINT and SIGTERM run shutdown hooks: the store is flushed and closed, never left half
        // written. System.exit from the stdin watcher takes the same path. Asked to stop, the
        // engine stops cleanly, which its exit code says: 0, not the JVM's 128 + signal.
        for (String signal : new String[] {"INT", "TERM"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(signal), s -> System.exit(0));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say("STOPPING");
            try {
                dbms.shutdown();
                lock.release(true);
                say("STOPPED");
            } finally {
                stopped.countDown();
            }
        }, "engine-shutdown"));

        try {
            setCredentials(dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME), options);
            awaitBolt(options.port, READY_TIMEOUT);
        } catch (Exception e) {
            say("ERROR " + oneLine(rootMessage(e)));
            System.exit(EXIT_FAILED);
            return;
        }

        say("READY bolt://" + HOST + ":" + options.port);
        if (options.exitOnStdinClose) watchStdin();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Makes the configured user log in with the configured password, so the environment stays the
     * one source of the credentials. A user other than neo4j is created; the built-in neo4j user
     * then gets the same password, so no account is left with Neo4j's well-known default.
     */
    static void setCredentials(GraphDatabaseService system, Options options) {
        Set<String> users = new HashSet<>();
        system.executeTransactionally("SHOW USERS YIELD user", Map.of(), result -> {
            result.forEachRemaining(row -> users.add((String) row.get("user")));
            return null;
        });
        Map<String, String> passwords = new java.util.HashMap<>();
        passwords.put(DEFAULT_USER, options.password);
        passwords.put(options.user, options.password);
        if (options.readUser != null) passwords.put(options.readUser, options.readPassword);
        for (Map.Entry<String, String> entry : passwords.entrySet()) {
            String user = entry.getKey();
            Map<String, Object> params = Map.of("user", user, "password", entry.getValue());
            if (!users.contains(user)) {
                system.executeTransactionally(
                        "CREATE USER $user SET PASSWORD $password CHANGE NOT REQUIRED", params);
                continue;
            }
            try {
                system.executeTransactionally(
                        "ALTER USER $user SET PASSWORD $password CHANGE NOT REQUIRED", params);
            } catch (RuntimeException e) {
                // Neo4j refuses to set the password a user already has. Only an earlier start can
                // have set it (the built-in default is shorter than 8 characters), and that start
                // also cleared "change required": the state is already the one wanted.
                if (!rootMessage(e).contains("Old password and new password cannot be the same")) {
                    throw e;
                }
            }
        }
    }

    /**
     * Waits until Bolt answers a handshake (magic 0x6060B017, then four version proposals), which
     * is what a driver's first bytes are: a listening socket alone is not proof enough.
     */
    static void awaitBolt(int port, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 1000);
                socket.setSoTimeout(5000);
                OutputStream out = socket.getOutputStream();
                ByteBuffer hello = ByteBuffer.allocate(20);
                hello.putInt(0x6060B017);
                hello.putInt(0x00080805); // 5.8 down to 5.0
                hello.putInt(0x00000404); // 4.4
                hello.putInt(0).putInt(0);
                out.write(hello.array());
                out.flush();
                int agreed = new DataInputStream(socket.getInputStream()).readInt();
                if (agreed != 0) return;
                last = new IOException("Bolt refused every protocol version offered");
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new IOException("Bolt did not answer on " + HOST + ":" + port + " within "
                + timeout.toSeconds() + " s: " + last);
    }

    /** Creates {@code dir} if needed and makes it the owner's alone (0700), whatever it was. */
    static void ownerOnly(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    /** A quick look before the seconds of store start-up; Neo4j's own bind failure still counts. */
    private static boolean portFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(HOST, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the engine when its parent closes our stdin, even if the parent was killed. */
    private static void watchStdin() {
        Thread watcher = new Thread(() -> {
            try {
                InputStream in = System.in;
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // Input is ignored; only its end matters.
                }
            } catch (IOException e) {
                // A broken pipe means the parent is gone, like end of input.
            }
            System.exit(0);
        }, "engine-stdin-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    static void say(String line) {
        System.out.println("NEO4J-ENGINE " + line);
        System.out.flush();
    }

    private static void fail(int code, String message) {
        say("ERROR " + oneLine(message));
        System.exit(code);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return true;
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getMessage() != null ? root.getMessage() : root.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    /** Command line and environment, checked before anything touches the disk. */
    record Options(Path dataDir, int port, String user, String password, String readUser,
            String readPassword, boolean exitOnStdinClose) {
        /**
         * Where file URLs would resolve if they were allowed: a directory of its own that nothing
         * writes to, never the data directory with the store and the credentials files.
         */
        Path importDir() {
            return dataDir.resolve("import");
        }

        /** The users who may only read: the service's reader, when one is configured. */
        Set<String> readers() {
            return readUser == null ? Set.of() : Set.of(readUser);
        }

        static Options parse(String[] args, Map<String, String> env) {
            String dataDir = env.get("NEO4J_DATA_DIR");
            String port = env.getOrDefault("NEO4J_PORT", "7687");
            boolean exitOnStdinClose = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data-dir" -> dataDir = value(args, ++i, "--data-dir");
                    case "--port" -> port = value(args, ++i, "--port");
                    case "--exit-on-stdin-close" -> exitOnStdinClose = true;
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + "; usage: --data-dir DIR --port PORT [--exit-on-stdin-close]");
                }
            }
            if (dataDir == null || dataDir.isBlank()) {
                throw new IllegalArgumentException("no data directory: pass --data-dir DIR or set NEO4J_DATA_DIR");
            }
            int portNumber;
            try {
                portNumber = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                portNumber = -1;
            }
            if (portNumber < 1 || portNumber > 65535) {
                throw new IllegalArgumentException("port must be an integer from 1 to 65535, found \"" + port + "\"");
            }
            String user = env.getOrDefault("NEO4J_USER", "");
            if (user.isBlank()) user = DEFAULT_USER;
            String password = env.getOrDefault("NEO4J_PASSWORD", "");
            if (password.isEmpty()) password = DEFAULT_PASSWORD;
            if (password.length() < 8) {
                throw new IllegalArgumentException("NEO4J_PASSWORD must have at least 8 characters"
                        + " (Neo4j's minimum), found " + password.length());
            }
            String readUser = env.getOrDefault("NEO4J_READ_USER", "");
            String readPassword = env.getOrDefault("NEO4J_READ_PASSWORD", "");
            if (readUser.isBlank()) {
                readUser = null;
                readPassword = null;
            } else if (readUser.equals(user) || readUser.equals(DEFAULT_USER)) {
                throw new IllegalArgumentException("NEO4J_READ_USER must differ from NEO4J_USER and from "
                        + DEFAULT_USER + ", found \"" + readUser + "\"");
            } else if (readPassword.length() < 8) {
                throw new IllegalArgumentException("NEO4J_READ_PASSWORD must have at least 8 characters"
                        + " (Neo4j's minimum), found " + readPassword.length());
            }
            return new Options(Path.of(dataDir).toAbsolutePath().normalize(), portNumber, user,
                    password, readUser, readPassword, exitOnStdinClose);
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) throw new IllegalArgumentException(name + " needs a value");
            return args[i];
        }
    }

    static final class DirInUse extends Exception {
        DirInUse(String message) {
            super(message);
        }
    }

    /**
     * engine.pid in the data directory, locked for as long as this process lives. The operating
     * system drops the lock when a process dies, however it dies, so a lock held means a live
     * owner; a pid left in an unlocked file means the previous run never reached its clean stop.
     */
    static final class DataDirLock {
        final FileChannel channel;
        final FileLock lock;
        final String previousPid;

        private DataDirLock(FileChannel channel, FileLock lock, String previousPid) {
            this.channel = channel;
            this.lock = lock;
            this.previousPid = previousPid;
        }

        static DataDirLock acquire(Path dataDir) throws IOException, DirInUse {
            // The store and the credentials beside it are the owner's alone: 0700, also for a
            // directory an earlier version created with the umask's 0755.
            ownerOnly(dataDir);
            Path file = dataDir.resolve("engine.pid");
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            // Read through this channel only: closing any other descriptor of the file would drop
            // the lock (POSIX record locks belong to the process, not to the descriptor).
            String recorded = readAll(channel);
            if (lock == null) {
                channel.close();
                throw new DirInUse("data directory " + dataDir + " is in use by process "
                        + (recorded.isEmpty() ? "(unknown)" : recorded));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(
                    (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return new DataDirLock(channel, lock, recorded.isEmpty() ? null : recorded);
        }

        private static String readAll(FileChannel channel) throws IOException {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 64));
            channel.read(buffer, 0);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        }

        /** After a clean stop the file is emptied: the next run finds nothing to recover. */
        void release(boolean clean) {
            try {
                if (clean) channel.truncate(0);
                lock.release();
                channel.close();
            } catch (IOException e) {
                // The process is ending; the operating system drops the lock regardless.
            }
        }
    }
}
