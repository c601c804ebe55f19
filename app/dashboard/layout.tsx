import "./dashboard.css";

/* Styles of the dashboards only. No data here: every dashboard page checks access itself. */
export default function DashboardLayout({ children }: { children: React.ReactNode }) {
  return children;
}
