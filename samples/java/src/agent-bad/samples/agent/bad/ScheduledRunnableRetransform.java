// Seeds a BL01xx agent rule: the same periodic retransformation as ScheduledRetransform, written as
// an anonymous Runnable (its run() lives in ScheduledRunnableRetransform$1) instead of a lambda.
package samples.agent.bad;

import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

final class ScheduledRunnableRetransform {
    private ScheduledRunnableRetransform() {
    }

    static ScheduledExecutorService start(final Instrumentation inst) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        scheduler.scheduleAtFixedRate(new Runnable() {
            @Override
            public void run() {
                try {
                    inst.retransformClasses(Targets.appClasses(inst));
                } catch (UnmodifiableClassException e) {
                    System.err.println("bad agent: " + e.getMessage());
                }
            }
        }, 30, 30, TimeUnit.SECONDS);
        return scheduler;
    }
}
