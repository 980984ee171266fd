package io.domaindesk.ovh;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.type.TypeReference;

/**
 * The arguments of an account's domain task ({@code /me/task/domain/{id}/argument}): what
 * a task in {@code error} needs corrected before {@code relaunch}.
 */
public final class OvhTaskArgumentsApi {

	private final OvhTransport transport;

	OvhTaskArgumentsApi(OvhTransport transport) {
		this.transport = transport;
	}

	/** {@code GET /me/task/domain/{id}/argument}: the keys. */
	public List<String> keys(long taskId) {
		return this.transport.call(OvhTransport.Call.get(OvhPath.of("/me/task/domain/{id}/argument", taskId)),
				this.transport.mapper().constructType(new TypeReference<List<String>>() {
				}));
	}

	/** {@code GET /me/task/domain/{id}/argument/{key}}. */
	public DomainTaskArgument get(long taskId, String key) {
		return this.transport.call(
				OvhTransport.Call.get(OvhPath.of("/me/task/domain/{id}/argument/{key}", taskId, key)),
				DomainTaskArgument.class);
	}

	/** Every argument of the task, one read per key. */
	public List<DomainTaskArgument> all(long taskId) {
		List<DomainTaskArgument> arguments = new ArrayList<>();
		List<String> keys = keys(taskId);
		for (String key : (keys != null) ? keys : List.<String>of()) {
			arguments.add(get(taskId, key));
		}
		return arguments;
	}

	/** {@code PUT /me/task/domain/{id}/argument/{key}} with {@code {"value": …}}. */
	public void update(long taskId, String key, String value) {
		this.transport.exchange(OvhDomainsApi.write("PUT",
				OvhPath.of("/me/task/domain/{id}/argument/{key}", taskId, key), new Value(value)));
	}

	/** {@code POST /me/task/domain/{id}/relaunch}. */
	public void relaunch(long taskId) {
		this.transport.exchange(OvhDomainsApi.write("POST", OvhPath.of("/me/task/domain/{id}/relaunch", taskId), null));
	}

	private record Value(String value) {

	}

}
