/** Path of the setup file that fails a test when console.error was called. */
export declare const failOnConsoleError: string;
