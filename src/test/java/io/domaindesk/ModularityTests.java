package io.domaindesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(DomainDeskApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		this.modules.verify();
	}

	@Test
	void writesModuleDocumentation(@TempDir Path folder) throws IOException {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		// One diagram per module, and one of the whole naming every module that has a
		// relation (an isolated one, like the sandbox once was, is left out by Modulith).
		String whole = Files.readString(folder.resolve("components.puml"));
		for (ApplicationModule module : this.modules) {
			assertThat(folder.resolve("module-" + module.getIdentifier() + ".puml")).isNotEmptyFile();
		}
		assertThat(whole).contains("\"Agency\"", "\"Domains\"", "\"Contacts\"", "\"Trades\"", "\"Ovh\"", "\"Audit\"");
		assertThat(this.modules.stream().count()).isGreaterThanOrEqualTo(12);
	}

}
