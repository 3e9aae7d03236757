package plangraph.engine;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilderImplementation;
import org.neo4j.graphdb.factory.module.GlobalModule;
import org.neo4j.graphdb.factory.module.edition.AbstractEditionModule;
import org.neo4j.graphdb.factory.module.edition.CommunityEditionModule;
import org.neo4j.graphdb.security.AuthorizationViolationException;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AbstractSecurityLog;
import org.neo4j.internal.kernel.api.security.AccessMode;
import org.neo4j.internal.kernel.api.security.AdminAccessMode;
import org.neo4j.internal.kernel.api.security.AdminActionOnResource;
import org.neo4j.internal.kernel.api.security.AuthSubject;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.internal.kernel.api.security.PermissionState;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;
import org.neo4j.kernel.api.security.provider.SecurityProvider;
import org.neo4j.kernel.database.PrivilegeDatabaseReference;

/**
 * Users who can only read, on an edition that has no roles to say so.
 *
 * <p>Community Edition authenticates users but authorises every one of them fully: {@code GRANT},
 * {@code DENY} and the built-in {@code reader} role are Enterprise features. The service should
 * still read through an account that cannot write, so that a fault in the API (or someone who
 * takes over its connection) cannot change the graph. This edition module keeps Community's own
 * authentication (same users, same passwords, same system graph) and narrows what the named users
 * are authorised to do, in the same place Enterprise narrows it for its {@code reader} role: the
 * {@link SecurityContext} each transaction runs with. For those users it carries
 * {@link ReaderAccessMode}: Neo4j's {@link AccessMode.Static#READ} (the kernel refuses node,
 * relationship, property, token and schema writes) with no procedure but the listed ones, no
 * setting and no {@code LOAD CSV}; a context that answers every administration check "denied"
 * (Community's own answers "granted" to everyone, whatever mode it is given: no admin
 * procedures, no other users' transactions); and no access to the system database (no
 * {@code CREATE USER}, no {@code ALTER USER}, no database commands). Everyone else keeps
 * Community's full access.
 *
 * <p>It uses Neo4j's internal edition API (the same hook Enterprise uses to install its security
 * module), so it is tied to the Neo4j version in pom.xml; the service's privilege test
 * (test/hostile/privilege.test.ts) checks it against the real kernel.
 */
final class ReadOnlyUsers {
    private ReadOnlyUsers() {}

    /**
     * The procedures a reader may call: the ones the service's Cypher (cypher/*.cypher) calls in
     * read transactions. Search is the only one.
     */
    static final List<String> READER_PROCEDURES = List.of("db.index.fulltext.queryNodes");

    /** A builder for a Community DBMS whose {@code readers} may only read. */
    static DatabaseManagementServiceBuilderImplementation builder(Path home, Set<String> readers) {
        return new DatabaseManagementServiceBuilderImplementation(home) {
            @Override
            protected Function<GlobalModule, AbstractEditionModule> getEditionFactory(Config config) {
                return global -> new CommunityEditionModule(global) {
                    @Override
                    public void createSecurityModule(GlobalModule module) {
                        super.createSecurityModule(module);
                        setSecurityProvider(new Provider(getSecurityProvider(), readers));
                    }
                };
            }
        };
    }

    /** Community's security provider, with the Bolt-facing authentication narrowed for readers. */
    private record Provider(SecurityProvider inner, AuthManager readerAware) implements SecurityProvider {
        Provider(SecurityProvider inner, Set<String> readers) {
            this(inner, new ReaderAwareAuthManager(inner.authManager(), readers));
        }

        @Override
        public AuthManager authManager() {
            return readerAware;
        }

        @Override
        public AuthManager inClusterAuthManager() {
            return inner.inClusterAuthManager();
        }

        @Override
        public AuthManager loopbackAuthManager() {
            return inner.loopbackAuthManager();
        }
    }

    private static final class ReaderAwareAuthManager extends AuthManager {
        private final AuthManager inner;
        private final Set<String> readers;

        ReaderAwareAuthManager(AuthManager inner, Set<String> readers) {
            this.inner = inner;
            this.readers = Set.copyOf(readers);
        }

        @Override
        public LoginContext login(Map<String, Object> token, ClientConnectionInfo info)
                throws InvalidAuthTokenException {
            LoginContext login = inner.login(token, info);
            String user = login.subject().executingUser();
            return user != null && readers.contains(user) ? new ReadOnlyLogin(login) : login;
        }

        @Override
        public LoginContext impersonate(LoginContext context, String userToImpersonate) {
            // Community refuses impersonation itself; a reader's context stays what it is.
            return inner.impersonate(context, userToImpersonate);
        }

        @Override
        public void init() throws Exception {
            inner.init();
        }

        @Override
        public void start() throws Exception {
            inner.start();
        }

        @Override
        public void stop() throws Exception {
            inner.stop();
        }

        @Override
        public void shutdown() throws Exception {
            inner.shutdown();
        }
    }

    /** Authenticated as Community would, authorised for reading only. */
    private static final class ReadOnlyLogin extends LoginContext {
        private final LoginContext inner;

        ReadOnlyLogin(LoginContext inner) {
            super(inner.subject(), inner.connectionInfo());
            this.inner = inner;
        }

        /**
         * Community runs administration commands (CREATE USER, ALTER USER, DROP DATABASE…) with
         * the system's own rights once a session reaches the system database, whatever the
         * session's access mode: a reader is kept out of that database altogether. It needs
         * nothing there; the plans are in the user database.
         */
        @Override
        public SecurityContext authorize(
                IdLookup idLookup, PrivilegeDatabaseReference database, AbstractSecurityLog log) {
            if (GraphDatabaseSettings.SYSTEM_DATABASE_NAME.equals(database.name())) {
                throw new AuthorizationViolationException(
                        "User '" + subject().executingUser() + "' may only read the plans' database,"
                                + " not the system database",
                        Status.Security.Forbidden);
            }
            SecurityContext community = inner.authorize(idLookup, database, log);
            Set<Integer> procedures = new HashSet<>();
            for (String name : READER_PROCEDURES) {
                for (int id : idLookup.getProcedureIds(name)) procedures.add(id);
            }
            return new ReaderSecurityContext(community.subject(), new ReaderAccessMode(procedures),
                    community.connectionInfo(), community.database());
        }
    }

    /**
     * Community's SecurityContext grants every administration check (admin procedures such as
     * {@code dbms.listConfig}, showing and terminating other users' transactions) whatever mode it
     * carries; this one denies them all, and stays itself when the kernel narrows its mode.
     */
    private static final class ReaderSecurityContext extends SecurityContext {
        ReaderSecurityContext(AuthSubject subject, AccessMode mode, ClientConnectionInfo info, String database) {
            super(subject, mode, info, database);
        }

        @Override
        public PermissionState allowExecuteAdminProcedure(int procedureId) {
            return PermissionState.EXPLICIT_DENY;
        }

        @Override
        public PermissionState allowsAdminAction(AdminActionOnResource action) {
            return PermissionState.EXPLICIT_DENY;
        }

        @Override
        public SecurityContext withMode(AccessMode mode) {
            return new ReaderSecurityContext(subject(), mode, connectionInfo(), database());
        }

        @Override
        public SecurityContext withMode(AdminAccessMode mode) {
            return this;
        }
    }
}
