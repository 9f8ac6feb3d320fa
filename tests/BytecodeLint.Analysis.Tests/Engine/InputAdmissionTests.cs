using BytecodeLint.Analysis.Engine;

namespace BytecodeLint.Analysis.Tests.Engine;

/// <summary>Inputs run side by side only within a byte budget, in the order they asked, and never deadlock.</summary>
public class InputAdmissionTests
{
    private static readonly TimeSpan Blocked = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Admitted = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Small_inputs_run_side_by_side()
    {
        var admission = new InputAdmission(100);
        admission.Enter(40);
        await Enter(() => admission.Enter(60)).WaitAsync(Admitted);
    }

    [Fact]
    public async Task An_input_that_does_not_fit_waits_until_the_running_ones_are_done()
    {
        var admission = new InputAdmission(100);
        admission.Enter(60);
        var second = Enter(() => admission.Enter(60));
        Assert.True(await StillWaiting(second));
        admission.Exit(60);
        await second.WaitAsync(Admitted);
    }

    [Fact]
    public async Task An_input_larger_than_the_budget_runs_alone()
    {
        var admission = new InputAdmission(100);
        admission.Enter(500);                                   // nothing else running: admitted
        var small = Enter(() => admission.Enter(1));
        Assert.True(await StillWaiting(small));
        admission.Exit(500);
        await small.WaitAsync(Admitted);
    }

    [Fact]
    public async Task A_waiting_large_input_is_not_overtaken_by_small_ones()
    {
        var admission = new InputAdmission(100);
        admission.Enter(30);
        var large = Enter(() => admission.Enter(90));
        Assert.True(await StillWaiting(large));
        var small = Enter(() => admission.Enter(10));         // would fit next to the 30, but the 90 asked first
        Assert.True(await StillWaiting(small));
        admission.Exit(30);
        await large.WaitAsync(Admitted);
        await small.WaitAsync(Admitted);                       // 90 + 10 fit together
    }

    [Fact]
    public async Task A_cancelled_waiter_gives_up_its_turn()
    {
        var admission = new InputAdmission(100);
        admission.Enter(80);
        using var cancel = new CancellationTokenSource();
        var cancelled = Enter(() => admission.Enter(80, cancel.Token));
        Assert.True(await StillWaiting(cancelled));
        var next = Enter(() => admission.Enter(10));
        Assert.True(await StillWaiting(next));                 // behind the waiting 80
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Admitted));
        await next.WaitAsync(Admitted);                         // 80 + 10 fit once the cancelled one is out of the way
    }

    /// <summary>Enter blocks its thread, so each caller gets a thread of its own.</summary>
    private static Task Enter(Action enter) =>
        Task.Factory.StartNew(enter, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static async Task<bool> StillWaiting(Task task)
    {
        await Task.WhenAny(task, Task.Delay(Blocked));
        return !task.IsCompleted;
    }
}
