// peak_rss COMMAND: runs `sh -c COMMAND`, then prints the largest resident set, in kB, that
// it or any process it waited for reached, and exits with its status. A process started by
// a large one counts that one's memory as its own until it starts another program; this
// small program started fresh is what the commands it measures start from.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: peak_rss COMMAND\n");
    return 64;
  }
  const pid_t pid = fork();
  if (pid == 0) {
    execl("/bin/sh", "sh", "-c", argv[1], static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  if (pid < 0 || wait4(pid, &status, 0, &usage) != pid) return 70;
  std::printf("%ld\n", usage.ru_maxrss);  // kilobytes on Linux
  return WIFEXITED(status) ? WEXITSTATUS(status) : 70;
}
