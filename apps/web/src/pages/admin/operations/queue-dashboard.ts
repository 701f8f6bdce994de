/** Whether the queue dashboard is mounted (linked from the failed-jobs page and the menu). */
export const QUEUE_DASHBOARD_ENABLED = false;
