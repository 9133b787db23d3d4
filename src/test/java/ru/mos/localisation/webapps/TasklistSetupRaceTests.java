package ru.mos.localisation.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.mos.localisation.PostgresTest;

/**
 * Nodes of a cluster start at the same moment on one PostgreSQL, each running the Tasklist
 * set-up: every filter and authorization must still exist once. On PostgreSQL because the engine's
 * start-up lock that serializes the nodes is a row lock there; Camunda takes no such lock on H2,
 * which serves a single node anyway.
 */
@PostgresTest
class TasklistSetupRaceTests {

  private static final int NODES = 4;

  @Autowired TasklistSetup setup;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;

  @Test
  void nodesStartingAtOnceCreateEachFilterAndAuthorizationOnce() throws Exception {
    // given a fresh database: no filters, no authorizations of officials
    for (String name : TasklistFiltersTests.ALL_FILTERS) {
      filterService.createFilterQuery().filterName(name).list().forEach(filter -> filterService.deleteFilter(filter.getId()));
    }
    authorizationService.createAuthorizationQuery().groupIdIn(OfficialGroup.ids().toArray(String[]::new)).list()
        .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));

    // when four nodes run the set-up at the same moment
    CountDownLatch ready = new CountDownLatch(NODES);
    ExecutorService nodes = Executors.newFixedThreadPool(NODES);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < NODES; i++) {
        runs.add(
            nodes.submit(() -> {
              ready.countDown();
              ready.await();
              setup.run();
              return null;
            }));
      }
      // then every node starts (none fails on a duplicate) ...
      for (Future<?> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      nodes.shutdownNow();
    }

    // ... and each filter exists once, readable by its group
    for (String name : TasklistFiltersTests.ALL_FILTERS) {
      assertThat(filterService.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
    }
    Filter mosprom = filterService.createFilterQuery().filterName(OfficialGroup.MOSPROM.filterName()).singleResult();
    assertThat(authorizationService.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(mosprom.getId()).list())
        .singleElement()
        .satisfies(authorization -> assertThat(authorization.getGroupId()).isEqualTo(OfficialGroup.MOSPROM.id()));
  }
}
