package io.domaindesk.contacts;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The state machines of one nichandle change and of a batch, without Spring: the steps
 * they allow and the ones they refuse (a change is never sent twice).
 */
class NicChangeTests {

	private static NicChange planned() {
		return new NicChange(1, null, 2, "exemple.com", Map.of("contactTech", "ab1-ovh"),
				Map.of("contactTech", "cd2-ovh"), "bob");
	}

	@Test
	void aChangeIsPlannedSubmittingThenSubmitted() {
		NicChange change = planned();
		assertThat(change.getStatus()).isEqualTo(NicChangeStatus.PLANNED);
		assertThat(change.from()).containsEntry("contactTech", "ab1-ovh");
		assertThat(change.to()).containsEntry("contactTech", "cd2-ovh");
		change.submitting();
		assertThat(change.getStatus()).isEqualTo(NicChangeStatus.SUBMITTING);
		change.submitted(List.of(11L, 12L));
		assertThat(change.getStatus()).isEqualTo(NicChangeStatus.SUBMITTED);
		assertThat(change.taskIdList()).containsExactly(11L, 12L);
	}

	@Test
	void nothingToChangeIsSkipped() {
		NicChange change = new NicChange(1, null, 2, "exemple.com", Map.of(), Map.of(), "bob");
		assertThat(change.getStatus()).isEqualTo(NicChangeStatus.SKIPPED);
		assertThatIllegalStateException().isThrownBy(change::submitting);
		assertThat(NicChange.skipped(1, 3L, 2, "x.fr", "same nichandle", "bob").getReason())
			.isEqualTo("same nichandle");
	}

	@Test
	void anUnansweredCallIsUnknownThenSettledByReading() {
		NicChange sent = planned();
		sent.submitting();
		sent.unknown("no answer");
		assertThat(sent.getStatus()).isEqualTo(NicChangeStatus.UNKNOWN);
		sent.submitted(List.of(5L));
		assertThat(sent.getStatus()).isEqualTo(NicChangeStatus.SUBMITTED);
		assertThat(sent.getReason()).isNull();

		NicChange notSent = planned();
		notSent.submitting();
		notSent.unknown("no answer");
		notSent.failed("not found at OVHcloud", null);
		assertThat(notSent.getStatus()).isEqualTo(NicChangeStatus.FAILED);
	}

	@Test
	void onlyA429SendsAChangeBackToPlanned() {
		NicChange change = planned();
		change.submitting();
		change.rateLimited();
		assertThat(change.getStatus()).isEqualTo(NicChangeStatus.PLANNED);
		NicChange unknown = planned();
		unknown.submitting();
		unknown.unknown("no answer");
		// Whether OVHcloud made it is not known: sending again could duplicate it.
		assertThatIllegalStateException().isThrownBy(unknown::rateLimited);
		assertThatIllegalStateException().isThrownBy(unknown::submitting);
	}

	@Test
	void aSubmittedChangeCannotFailCancelOrBeSentAgain() {
		NicChange change = planned();
		change.submitting();
		change.submitted(List.of(1L));
		assertThatIllegalStateException().isThrownBy(() -> change.failed("x", null));
		assertThatIllegalStateException().isThrownBy(change::cancel);
		assertThatIllegalStateException().isThrownBy(change::submitting);
		assertThatIllegalStateException().isThrownBy(() -> planned().submitted(List.of(1L)));
		assertThatIllegalStateException().isThrownBy(() -> planned().failed("x", null));
	}

	@Test
	void onlyAPlannedChangeIsCancelled() {
		NicChange change = planned();
		change.cancel();
		assertThat(change.getStatus()).isEqualTo(NicChangeStatus.CANCELLED);
		NicChange sending = planned();
		sending.submitting();
		assertThatIllegalStateException().isThrownBy(sending::cancel);
	}

	@Test
	void aBatchRunsPausesResumesAndEnds() {
		NicChangeBatch batch = new NicChangeBatch(1, "bob", "ids:1,2", "ab1-ovh", null, null);
		assertThat(batch.isRunning()).isTrue();
		batch.pause();
		assertThat(batch.isPaused()).isTrue();
		assertThatIllegalStateException().isThrownBy(batch::pause);
		// A paused batch is not finished by the worker running out of changes.
		batch.finish();
		assertThat(batch.isPaused()).isTrue();
		batch.resume();
		assertThatIllegalStateException().isThrownBy(batch::resume);
		batch.finish();
		assertThat(batch.getStatus()).isEqualTo(NicChangeBatch.DONE);
		assertThat(batch.isOver()).isTrue();
		assertThat(batch.getFinishedAt()).isNotNull();
		assertThatIllegalStateException().isThrownBy(batch::cancel);
	}

	@Test
	void aPausedBatchCanBeCancelledButNotResumedAfterwards() {
		NicChangeBatch batch = new NicChangeBatch(1, "bob", "ids:1", null, "cd2-ovh", null);
		batch.pause();
		batch.cancel();
		assertThat(batch.getStatus()).isEqualTo(NicChangeBatch.CANCELLED);
		assertThatIllegalStateException().isThrownBy(batch::resume);
		assertThatIllegalStateException().isThrownBy(batch::cancel);
	}

}
