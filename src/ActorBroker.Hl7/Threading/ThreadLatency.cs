using System.Runtime.InteropServices;

namespace ActorBroker.Hl7.Threading;

/// <summary>
/// Asks the Linux scheduler (EEVDF, kernel 6.12 and later) for a short time slice for the calling thread. A thread that
/// sleeps on a socket or a queue and wakes to do a few microseconds of work then pre-empts the running thread at once,
/// instead of waiting for that thread's slice to end (1.4 ms on the 2-core VM here). Unprivileged: sched_setattr(2)
/// with SCHED_OTHER and sched_runtime changes only the slice, never the thread's share of the CPU. Elsewhere (other
/// kernels, other systems) it does nothing: older kernels accept the call and ignore the runtime.
/// </summary>
// Linux sched_setattr(2) / sched_getattr(2); kernel 6.12 "sched/eevdf: Allow shorter slices to wakeup-preempt": the
// sched_runtime of a fair-class task is its requested slice, clamped to 0.1-100 ms.
public static class ThreadLatency
{
    // struct sched_attr { u32 size; u32 sched_policy; u64 sched_flags; s32 sched_nice; u32 sched_priority;
    //                     u64 sched_runtime; u64 sched_deadline; u64 sched_period; u32 sched_util_min; u32 sched_util_max; }
    private const int SchedAttrSize = 56;
    private const int RuntimeOffset = 24;

    /// <summary>Requests <paramref name="slice"/> for the calling thread; false when the system refuses it or has no such call.</summary>
    public static bool TryRequestShortSlice(TimeSpan slice)
    {
        if (SyscallNumbers() is not { } numbers)
        {
            return false;
        }

        var attr = new byte[SchedAttrSize];
        BitConverter.TryWriteBytes(attr.AsSpan(0, 4), (uint)SchedAttrSize);
        BitConverter.TryWriteBytes(attr.AsSpan(RuntimeOffset, 8), (ulong)(slice.Ticks * 100));
        return Call(numbers.Set, 0, attr, 0);
    }

    /// <summary>The slice the scheduler holds for thread <paramref name="threadId"/> (a Linux thread id; 0 = the calling thread).</summary>
    public static bool TryGetSlice(int threadId, out TimeSpan slice)
    {
        slice = TimeSpan.Zero;
        if (SyscallNumbers() is not { } numbers)
        {
            return false;
        }

        var attr = new byte[SchedAttrSize];
        if (!Call(numbers.Get, threadId, attr, SchedAttrSize))
        {
            return false;
        }

        slice = TimeSpan.FromTicks((long)(BitConverter.ToUInt64(attr, RuntimeOffset) / 100));
        return true;
    }

    private static (long Set, long Get)? SyscallNumbers()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        return RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => (314, 315),
            Architecture.Arm64 => (274, 275),
            _ => null,
        };
    }

    // sched_setattr(pid, attr, flags) and sched_getattr(pid, attr, size, flags): the extra argument is ignored by the first.
    private static bool Call(long number, int threadId, byte[] attr, long size)
    {
        try
        {
            return Syscall(number, threadId, attr, size, 0) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "syscall", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern long Syscall(long number, long threadId, byte[] attr, long sizeOrFlags, long flags);
}
