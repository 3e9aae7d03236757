package plangraph.engine;

import java.net.InetAddress;
import java.net.URI;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.collections.api.set.primitive.IntSet;
import org.neo4j.internal.kernel.api.RelTypeSupplier;
import org.neo4j.internal.kernel.api.TokenSet;
import org.neo4j.internal.kernel.api.security.AccessMode;
import org.neo4j.internal.kernel.api.security.PermissionState;
import org.neo4j.internal.kernel.api.security.PrivilegeAction;
import org.neo4j.internal.kernel.api.security.ReadSecurityPropertyProvider;
import org.neo4j.storageengine.api.PropertySelection;

/**
 * What a read-only user may do inside a transaction: Neo4j's own {@link AccessMode.Static#READ}
 * (read every node, relationship and property; write nothing), narrowed further where READ still
 * allows more than reading the plans:
 *
 * <ul>
 *   <li>procedures: only those whose ids the caller names (the ones the API's Cypher calls);
 *       every other one, built in or not ({@code dbms.queryJmx}, {@code db.clearQueryCaches},
 *       {@code dbms.listConfig} ...), is refused with {@code Neo.ClientError.Security.Forbidden};
 *   <li>no admin procedures at all;
 *   <li>no settings ({@code SHOW SETTINGS} lists none);
 *   <li>no {@code LOAD CSV}, from a file or from any other URL.
 * </ul>
 *
 * Everything else is READ's answer, delegated one method at a time (the interface is Neo4j's
 * internal kernel API of the version in pom.xml; a change there fails the build, not the checks).
 */
final class ReaderAccessMode implements AccessMode {
    private static final AccessMode READ = AccessMode.Static.READ;

    /** Procedure ids (Neo4j's registry numbers) the reader may call. */
    private final Set<Integer> allowedProcedures;

    ReaderAccessMode(Set<Integer> allowedProcedures) {
        this.allowedProcedures = Set.copyOf(allowedProcedures);
    }

    @Override
    public PermissionState allowsExecuteProcedure(int id) {
        return allowedProcedures.contains(id) ? READ.allowsExecuteProcedure(id) : PermissionState.EXPLICIT_DENY;
    }

    @Override
    public PermissionState allowExecuteAdminProcedures() {
        return PermissionState.EXPLICIT_DENY;
    }

    @Override
    public PermissionState allowsShowSetting(String setting) {
        return PermissionState.EXPLICIT_DENY;
    }

    @Override
    public PermissionState allowsLoadAllData() {
        return PermissionState.EXPLICIT_DENY;
    }

    @Override
    public PermissionState allowsLoadUri(URI uri, InetAddress address) {
        return PermissionState.EXPLICIT_DENY;
    }

    @Override
    public String name() {
        return "read only, listed procedures";
    }

    @Override
    public Set<String> roles() {
        return READ.roles();
    }

    @Override
    public boolean isOverridden() {
        return READ.isOverridden();
    }

    @Override
    public boolean isCacheable() {
        return READ.isCacheable();
    }

    // Everything below: READ's answer.

    @Override
    public boolean allowsWrites() {
        return READ.allowsWrites();
    }

    @Override
    public PermissionState allowsTokenCreates(PrivilegeAction a0) {
        return READ.allowsTokenCreates(a0);
    }

    @Override
    public boolean allowsSchemaWrites() {
        return READ.allowsSchemaWrites();
    }

    @Override
    public PermissionState allowsSchemaWrites(PrivilegeAction a0) {
        return READ.allowsSchemaWrites(a0);
    }

    @Override
    public boolean allowsShowIndex() {
        return READ.allowsShowIndex();
    }

    @Override
    public boolean allowsShowConstraint() {
        return READ.allowsShowConstraint();
    }

    @Override
    public boolean allowsTraverseAllLabels() {
        return READ.allowsTraverseAllLabels();
    }

    @Override
    public boolean allowsTraverseAllNodesWithLabel(int a0) {
        return READ.allowsTraverseAllNodesWithLabel(a0);
    }

    @Override
    public boolean disallowsTraverseLabel(int a0) {
        return READ.disallowsTraverseLabel(a0);
    }

    @Override
    public boolean allowsTraverseNode(int... a0) {
        return READ.allowsTraverseNode(a0);
    }

    @Override
    public IntSet getTraverseSecurityProperties(int[] a0) {
        return READ.getTraverseSecurityProperties(a0);
    }

    @Override
    public boolean hasApplicableTraverseAllowPropertyRules(int a0) {
        return READ.hasApplicableTraverseAllowPropertyRules(a0);
    }

    @Override
    public boolean allowsTraverseNodeWithPropertyRules(ReadSecurityPropertyProvider a0, int... a1) {
        return READ.allowsTraverseNodeWithPropertyRules(a0, a1);
    }

    @Override
    public boolean hasTraversePropertyRules() {
        return READ.hasTraversePropertyRules();
    }

    @Override
    public boolean allowsTraverseAllRelTypes() {
        return READ.allowsTraverseAllRelTypes();
    }

    @Override
    public boolean allowsTraverseRelType(int a0) {
        return READ.allowsTraverseRelType(a0);
    }

    @Override
    public boolean disallowsTraverseRelType(int a0) {
        return READ.disallowsTraverseRelType(a0);
    }

    @Override
    public boolean allowsReadPropertyAllLabels(int a0) {
        return READ.allowsReadPropertyAllLabels(a0);
    }

    @Override
    public boolean disallowsReadPropertyForSomeLabel(int a0) {
        return READ.disallowsReadPropertyForSomeLabel(a0);
    }

    @Override
    public boolean allowsReadNodeProperties(Supplier<TokenSet> a0, int[] a1, ReadSecurityPropertyProvider a2) {
        return READ.allowsReadNodeProperties(a0, a1, a2);
    }

    @Override
    public boolean allowsReadNodeProperties(Supplier<TokenSet> a0, int[] a1) {
        return READ.allowsReadNodeProperties(a0, a1);
    }

    @Override
    public boolean allowsReadNodeProperty(Supplier<TokenSet> a0, int a1, ReadSecurityPropertyProvider a2) {
        return READ.allowsReadNodeProperty(a0, a1, a2);
    }

    @Override
    public boolean allowsReadNodeProperty(Supplier<TokenSet> a0, int a1) {
        return READ.allowsReadNodeProperty(a0, a1);
    }

    @Override
    public boolean allowsReadPropertyAllRelTypes(int a0) {
        return READ.allowsReadPropertyAllRelTypes(a0);
    }

    @Override
    public boolean allowsReadRelationshipProperty(RelTypeSupplier a0, int a1) {
        return READ.allowsReadRelationshipProperty(a0, a1);
    }

    @Override
    public boolean allowsSeePropertyKeyToken(int a0) {
        return READ.allowsSeePropertyKeyToken(a0);
    }

    @Override
    public boolean hasPropertyReadRules() {
        return READ.hasPropertyReadRules();
    }

    @Override
    public boolean hasPropertyReadRules(int... a0) {
        return READ.hasPropertyReadRules(a0);
    }

    @Override
    public IntSet getReadSecurityProperties(int a0) {
        return READ.getReadSecurityProperties(a0);
    }

    @Override
    public IntSet getAllReadSecurityProperties() {
        return READ.getAllReadSecurityProperties();
    }

    @Override
    public PropertySelection getSecurityPropertySelection(PropertySelection a0) {
        return READ.getSecurityPropertySelection(a0);
    }

    @Override
    public PermissionState shouldBoostProcedure(int a0) {
        return READ.shouldBoostProcedure(a0);
    }

    @Override
    public PermissionState allowsExecuteFunction(int a0) {
        return READ.allowsExecuteFunction(a0);
    }

    @Override
    public PermissionState shouldBoostFunction(int a0) {
        return READ.shouldBoostFunction(a0);
    }

    @Override
    public PermissionState allowsExecuteAggregatingFunction(int a0) {
        return READ.allowsExecuteAggregatingFunction(a0);
    }

    @Override
    public PermissionState shouldBoostAggregatingFunction(int a0) {
        return READ.shouldBoostAggregatingFunction(a0);
    }

    @Override
    public boolean allowsSetLabel(int a0) {
        return READ.allowsSetLabel(a0);
    }

    @Override
    public boolean allowsRemoveLabel(int a0) {
        return READ.allowsRemoveLabel(a0);
    }

    @Override
    public boolean allowsCreateNode(int[] a0) {
        return READ.allowsCreateNode(a0);
    }

    @Override
    public boolean allowsDeleteNode(Supplier<TokenSet> a0) {
        return READ.allowsDeleteNode(a0);
    }

    @Override
    public boolean allowsCreateRelationship(int a0) {
        return READ.allowsCreateRelationship(a0);
    }

    @Override
    public boolean allowsDeleteRelationship(int a0) {
        return READ.allowsDeleteRelationship(a0);
    }

    @Override
    public boolean allowsSetProperty(Supplier<TokenSet> a0, int a1) {
        return READ.allowsSetProperty(a0, a1);
    }

    @Override
    public boolean allowsSetProperty(RelTypeSupplier a0, int a1) {
        return READ.allowsSetProperty(a0, a1);
    }
}
