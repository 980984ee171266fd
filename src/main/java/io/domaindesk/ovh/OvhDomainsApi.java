package io.domaindesk.ovh;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import tools.jackson.core.type.TypeReference;

/**
 * {@code /domain}: the account's domains, their service info, NIC-handle changes and
 * tasks.
 */
public final class OvhDomainsApi {

	private static final TypeReference<List<Long>> LONGS = new TypeReference<>() {
	};

	private final OvhTransport transport;

	OvhDomainsApi(OvhTransport transport) {
		this.transport = transport;
	}

	/**
	 * Domain names only ({@code GET /domain}), optionally of one owner contact.
	 */
	public List<String> names(String whoisOwner) {
		return domains(whoisOwner).ids();
	}

	public OvhPage<DomainService> page(String whoisOwner, int number, int size) {
		return domains(whoisOwner).page(number, size);
	}

	/**
	 * Walks every domain page by page, for progress reporting ({@code n / N}).
	 */
	public void forEachPage(String whoisOwner, int size, Consumer<OvhPage<DomainService>> consumer) {
		domains(whoisOwner).forEachPage(size, consumer);
	}

	public List<DomainService> list(String whoisOwner) {
		return domains(whoisOwner).all(this.transport.properties().pageSize());
	}

	/** {@code GET /domain/{serviceName}}. */
	public DomainService get(String serviceName) {
		return this.transport.call(OvhTransport.Call.get(OvhPath.of("/domain/{serviceName}", serviceName)),
				DomainService.class);
	}

	/** {@code GET /domain/{serviceName}/serviceInfos}. */
	public ServiceInfos serviceInfos(String serviceName) {
		return this.transport.call(OvhTransport.Call.get(OvhPath.of("/domain/{serviceName}/serviceInfos", serviceName)),
				ServiceInfos.class);
	}

	/**
	 * {@code POST /domain/{serviceName}/changeContact}: starts one contact-change task
	 * per NIC handle given (null ones are left unchanged).
	 * @return the contact-change task ids
	 */
	public List<Long> changeContact(String serviceName, ChangeContact change) {
		return this.transport.call(
				write("POST", OvhPath.of("/domain/{serviceName}/changeContact", serviceName), change),
				this.transport.mapper().constructType(LONGS));
	}

	/** Task ids ({@code GET /domain/{serviceName}/task}). */
	public List<Long> taskIds(String serviceName, TaskFilter filter) {
		return tasksLister(serviceName, filter).ids().stream().map(Long::valueOf).toList();
	}

	public OvhPage<DomainTask> taskPage(String serviceName, TaskFilter filter, int number, int size) {
		return tasksLister(serviceName, filter).page(number, size);
	}

	public void forEachTaskPage(String serviceName, TaskFilter filter, int size,
			Consumer<OvhPage<DomainTask>> consumer) {
		tasksLister(serviceName, filter).forEachPage(size, consumer);
	}

	public List<DomainTask> tasks(String serviceName, TaskFilter filter) {
		return tasksLister(serviceName, filter).all(this.transport.properties().pageSize());
	}

	/** {@code GET /domain/{serviceName}/task/{id}}. */
	public DomainTask task(String serviceName, long id) {
		return this.transport.call(
				OvhTransport.Call.get(OvhPath.of("/domain/{serviceName}/task/{id}", serviceName, id)),
				DomainTask.class);
	}

	public void accelerateTask(String serviceName, long id) {
		taskAction(serviceName, id, "accelerate");
	}

	public void cancelTask(String serviceName, long id) {
		taskAction(serviceName, id, "cancel");
	}

	public void relaunchTask(String serviceName, long id) {
		taskAction(serviceName, id, "relaunch");
	}

	private void taskAction(String serviceName, long id, String action) {
		this.transport
			.exchange(write("POST", OvhPath.of("/domain/{serviceName}/task/{id}/" + action, serviceName, id), null));
	}

	private OvhLister<DomainService> domains(String whoisOwner) {
		return new OvhLister<>(this.transport, OvhPath.of("/domain").query("whoisOwner", whoisOwner),
				DomainService.class, (name) -> OvhPath.of("/domain/{serviceName}", name),
				(whoisOwner != null) ? (domain) -> whoisOwner.equals(domain.whoisOwner()) : null);
	}

	private OvhLister<DomainTask> tasksLister(String serviceName, TaskFilter filter) {
		TaskFilter query = (filter != null) ? filter : TaskFilter.ALL;
		OvhPath path = OvhPath.of("/domain/{serviceName}/task", serviceName)
			.query("function", query.function())
			.query("status", query.status())
			.query("type", query.type());
		return new OvhLister<>(this.transport, path, DomainTask.class,
				(id) -> OvhPath.of("/domain/{serviceName}/task/{id}", serviceName, id), query::matches);
	}

	static OvhTransport.Call write(String method, OvhPath path, Object body) {
		return new OvhTransport.Call(method, path, body, OvhTransport.Auth.REQUIRED, Map.of());
	}

	/**
	 * Filters of the task lists; null means any. {@code function} is matched by OVHcloud
	 * with "like".
	 */
	public record TaskFilter(String function, TaskStatus status, String type) {

		public static final TaskFilter ALL = new TaskFilter(null, null, null);

		public static TaskFilter function(String function) {
			return new TaskFilter(function, null, null);
		}

		public static TaskFilter status(TaskStatus status) {
			return new TaskFilter(null, status, null);
		}

		boolean matches(DomainTask task) {
			return (this.status == null || this.status.equals(task.status()))
					&& (this.type == null || Objects.equals(this.type, task.type()));
		}

	}

}
