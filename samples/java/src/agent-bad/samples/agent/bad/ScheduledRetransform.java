// Seeds a BL01xx agent rule: periodic retransformation. The lambda given to
// ScheduledExecutorService.scheduleAtFixedRate calls retransformClasses, so the same classes are
// retransformed forever; docs/design/hotspot.md sections 2 and 5 show pools (and Metaspace) growing with every
// retransform of affected classes. javac compiles the lambda body to a synthetic method
// lambda$start$0 reached through invokedynamic.
package samples.agent.bad;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

final class ScheduledRetransform {
    private ScheduledRetransform() {
    }

    static ScheduledExecutorService start(Instrumentation inst) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.scheduleAtFixedRate(() -> {
            try {
                inst.retransformClasses(Targets.appClasses(inst));
            } catch (UnmodifiableClassException e) {
                System.err.println("bad agent: " + e.getMessage());
            }
        }, 1, 1, TimeUnit.MINUTES);
        return scheduler;
    }
}
